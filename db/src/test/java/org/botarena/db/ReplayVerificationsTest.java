package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import org.botarena.games.Games;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./arena admin verify-replays} on the real PostgreSQL ({@code ARENA_TEST_DB_HOST}): stored
 * replays, one of them with a changed action and one with a changed state, are played again; each
 * tampered one is reported with its step and path, stored for the operations page, and the command
 * exits 1.
 */
class ReplayVerificationsTest {

  private static final String NAME = "arena_dbtest_verify";
  private static final String HOST =
      System.getenv().getOrDefault("ARENA_TEST_DB_HOST", "127.0.0.1:5432");
  private Database database;

  @BeforeEach
  void freshDatabase() throws Exception {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://" + HOST + "/postgres", "postgres", "postgres")) {
      c.createStatement().execute("drop database if exists " + NAME + " with (force)");
      c.createStatement().execute("create database " + NAME);
    }
    database =
        new Database(
            new DatabaseSettings("jdbc:postgresql://" + HOST + "/" + NAME, "postgres", "postgres"));
    database.migrate();
    try (Connection c = database.connect()) {
      c.createStatement()
          .execute(
              "insert into arenas (kind, name, game_type) values ('TRAINING', 'verify', 'hockey')");
    }
  }

  private static Replay played(String game, long seed) {
    return new LocalMatch(
            Games.type(game),
            null,
            seed,
            List.of(new HouseContestant("random"), new HouseContestant("random")),
            1000)
        .play()
        .replay();
  }

  private UUID store(Replay replay) throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection c = database.connect();
        PreparedStatement match =
            c.prepareStatement(
                "insert into matches (id, arena_id, game_type, config, seed, state) select ?, id,"
                    + " ?, '{}', ?, 'FINISHED' from arenas where name = 'verify'");
        PreparedStatement data =
            c.prepareStatement("insert into replays (match_id, data) values (?, ?)")) {
      match.setObject(1, id);
      match.setString(2, replay.header().game());
      match.setLong(3, replay.header().seed());
      match.executeUpdate();
      data.setObject(1, id);
      data.setBytes(2, replay.toGzipJsonLines());
      data.executeUpdate();
    }
    return id;
  }

  private static Replay withFrame(Replay replay, int index, ReplayFrame frame) {
    List<ReplayFrame> frames = new ArrayList<>(replay.frames());
    frames.set(index, frame);
    return new Replay(replay.header(), replay.initial(), frames, replay.end());
  }

  @Test
  void tamperedReplaysAreReportedWithTheirStepAndPath() throws Exception {
    UUID good = store(played("rps", 1));
    UUID goodHockey = store(played("hockey", 2));

    // a changed state: the puck moved by hand in frame 11
    Replay hockey = played("hockey", 3);
    ReplayFrame eleventh = hockey.frames().get(10);
    ObjectNode moved = eleventh.state().deepCopy();
    ((ArrayNode) moved.get("table").get("puck")).set(0, 1.2345);
    UUID tamperedState =
        store(withFrame(hockey, 10, new ReplayFrame(11, eleventh.actions(), moved)));

    // a changed action: rps's spot 0 plays another move at step 2 than the one recorded
    Replay rps = played("rps", 4);
    ReplayFrame second = rps.frames().get(1);
    Map<Integer, JsonNode> actions = new TreeMap<>(second.actions());
    actions.put(0, Json.array().add((actions.get(0).get(0).intValue() + 1) % 3));
    UUID tamperedAction = store(withFrame(rps, 1, new ReplayFrame(2, actions, second.state())));

    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit =
        AdminMain.verifyReplays(
            database,
            null,
            0,
            new ReplayVerifications(),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);

    assertEquals(1, exit, out);
    assertTrue(
        out.contains(
            "match "
                + tamperedState
                + " (hockey): step 11, state at table.puck[0]: recorded table.puck[0] = 1.2345,"),
        out);
    assertTrue(out.contains("match " + tamperedAction + " (rps): step 2, state at "), out);
    assertTrue(!out.contains(good.toString()) && !out.contains(goodHockey.toString()), out);
    String summary = out.strip().lines().reduce((a, b) -> b).orElseThrow();
    assertTrue(summary.startsWith("verified 4 replays ("), summary);
    assertTrue(summary.contains(": 2 consistent, 2 with mismatches ("), summary);

    try (Connection c = database.connect()) {
      assertEquals(
          4, count(c, "select count(*) from replay_verifications where checked_by = 'cli'"));
      assertEquals(
          "11 state table.puck[0]",
          text(
              c,
              "select step || ' ' || part || ' ' || path from replay_mismatches where match_id = '"
                  + tamperedState
                  + "' and n = 0"));
      String path =
          text(
              c,
              "select step || ' ' || path from replay_mismatches where match_id = '"
                  + tamperedAction
                  + "' and n = 0");
      // the state after step 2 that the changed move makes differ: rps's record of the last moves
      // or the points
      assertTrue(path.startsWith("2 ") && path.length() > 2, path);
      assertEquals(
          0, ReplayVerifications.unchecked(c, 10).size(), "the leader finds nothing left to check");
    }
  }

  @Test
  void consistentReplaysExitZeroAndTheLeaderChecksTheNewestFirst() throws Exception {
    UUID older = store(played("connect4", 5));
    Thread.sleep(5); // created_at differs
    UUID newer = store(played("simple", 6));
    try (Connection c = database.connect()) {
      assertEquals(List.of(newer), ReplayVerifications.unchecked(c, 1));
      ReplayVerifications.Result r =
          new ReplayVerifications().check(c, newer, "leader").orElseThrow();
      assertTrue(r.ok(), r.toString());
      assertEquals(List.of(older), ReplayVerifications.unchecked(c, 5));
    }
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    int exit =
        AdminMain.verifyReplays(
            database,
            "connect4",
            1,
            new ReplayVerifications(),
            new PrintStream(bytes, true, StandardCharsets.UTF_8));
    String out = bytes.toString(StandardCharsets.UTF_8);
    assertEquals(0, exit, out);
    assertTrue(out.startsWith("verified 1 replay ("), out);
    assertTrue(out.contains(": 1 consistent, 0 with mismatches (0 mismatches)"), out);
  }

  @Test
  void anUnreadableReplayIsAMismatchAtStepZero() throws Exception {
    UUID id = store(played("simple", 7));
    try (Connection c = database.connect()) {
      c.createStatement()
          .execute("update replays set data = '\\x0102'::bytea where match_id = '" + id + "'");
      ReplayVerifications.Result r = new ReplayVerifications().check(c, id, "cli").orElseThrow();
      assertEquals(1, r.mismatches().size());
      assertEquals(0, r.mismatches().get(0).step());
      assertEquals("format", r.mismatches().get(0).part());
    }
  }

  private static int count(Connection c, String sql) throws Exception {
    return Integer.parseInt(text(c, sql));
  }

  private static String text(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getString(1);
    }
  }
}

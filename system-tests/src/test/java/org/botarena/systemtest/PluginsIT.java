package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.botarena.games.Games;
import org.botarena.games.plugin.GameJars;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayCheck;
import org.botarena.games.replay.ReplayVerifier;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * "A lecturer adds a game by dropping in a jar": the example game's jar (examples/coins-game, built
 * by Maven) and a file that is not a jar go into the stack's games folder before it starts; the
 * instance loads the game and skips the other with its reason, and two bots play the game in the
 * training arena: their matches are stored with their replays (which re-simulate without a
 * difference) and rated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PluginsIT {

  private static final int MATCHES = 3;

  private final Stack stack = Stack.PLUGINS;
  private final List<ProtocolBot> bots = new ArrayList<>();
  private Path jar;

  @BeforeAll
  void start() throws Exception {
    Path folder = stack.gamesFolder();
    Files.createDirectories(folder);
    try (var old = Files.list(folder)) {
      for (Path file : old.toList()) {
        Files.delete(file);
      }
    }
    jar =
        Files.copy(
            Path.of(System.getProperty("arena.example.games"), "arena-example-coins.jar"),
            folder.resolve("coins-game.jar"),
            StandardCopyOption.REPLACE_EXISTING);
    Files.writeString(folder.resolve("notes.jar"), "a lecturer's notes, not a jar");
    stack.start(1);
  }

  @AfterAll
  void stop() throws Exception {
    bots.forEach(ProtocolBot::close);
    stack.close();
  }

  /** Takes what leaves the other a multiple of max_take + 1, else one coin. */
  private static JsonNode perfect(JsonNode step) {
    JsonNode seen = step.get("observation");
    int most = Math.min(seen.get("max_take").intValue(), seen.get("pile").intValue());
    int take = seen.get("pile").intValue() % (seen.get("max_take").intValue() + 1);
    return Json.array().add(take == 0 ? 1 : Math.min(take, most));
  }

  @Test
  void botsPlayTheDroppedGameInTheTrainingArena() throws Exception {
    // loaded when the application started (GamesAtStart), before any match
    String log = stack.log(1);
    assertTrue(
        log.contains(
            "game 'coins' version 1 (org.example.coins.CoinsGameType) from coins-game.jar"),
        "the instance logged the game it loaded");
    assertTrue(log.contains("skipped notes.jar: not a jar ("), "and the file it skipped");
    assertTrue(
        log.contains("games: coins, connect4, hockey, rps, simple; the training arenas play coins"),
        "and what it plays");

    for (String name : List.of("taker", "perfect")) {
      String token = stack.addBot("lecture", name);
      ProtocolBot bot =
          new ProtocolBot(
              name, name.equals("taker") ? step -> Json.array().add(1) : PluginsIT::perfect);
      bot.join(stack.botUrl(1), token);
      bots.add(bot);
    }
    List<String> finished =
        await(
            () -> {
              List<String> ids = matches();
              return ids.size() >= MATCHES ? ids : null;
            });

    GameJars.Scan scan =
        GameJars.load(List.of(jar), Games.class.getClassLoader(), Map.<String, GameType>of());
    try (var loader = scan.loader()) {
      ReplayVerifier verifier = new ReplayVerifier(scan.types()::get);
      for (String id : finished.subList(0, MATCHES)) {
        HttpResponse<byte[]> replay =
            HttpClient.newHttpClient()
                .send(
                    HttpRequest.newBuilder(
                            URI.create(stack.url(1, "api/matches/" + id + "/replay")))
                        .build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        assertEquals(200, replay.statusCode(), "match " + id + "'s replay");
        Replay recorded = Replay.read(new ByteArrayInputStream(replay.body()));
        assertEquals("coins", recorded.header().game());
        assertEquals(Set.of("taker", "perfect"), Set.copyOf(recorded.header().players()));
        ReplayCheck check = verifier.verify(recorded);
        assertTrue(check.mismatches().isEmpty(), "match " + id + ": " + check.mismatches());
      }
    }
    for (String bot : List.of("taker", "perfect")) {
      int games =
          await(
              () -> {
                try (Connection db = stack.database();
                    PreparedStatement q =
                        db.prepareStatement(
                            "select r.games from ratings r join bots b on b.id = r.bot_id"
                                + " where b.name = ? and r.game_type = 'coins'")) {
                  q.setString(1, bot);
                  try (ResultSet rs = q.executeQuery()) {
                    return rs.next() && rs.getInt(1) >= MATCHES ? rs.getInt(1) : null;
                  }
                }
              });
      assertTrue(games >= MATCHES, bot + " is rated in coins: " + games);
    }
  }

  /** The ids of the finished coins matches between the two bots, in the order they ended. */
  private List<String> matches() throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select m.id from matches m where m.game_type = 'coins' and m.state = 'FINISHED'"
                    + " and m.end_state = 'WIN' and (select count(*) from match_players p where"
                    + " p.match_id = m.id and p.bot_name in ('taker', 'perfect')) = 2 order by"
                    + " m.ended_at")) {
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getString(1));
        }
      }
    }
    return ids;
  }

  private interface Check<T> {
    T value() throws Exception;
  }

  /** The first non-null value of {@code check}, polled for up to two minutes. */
  private static <T> T await(Check<T> check) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
    while (true) {
      T value = check.value();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 120 s");
      }
      Thread.sleep(200);
    }
  }
}

package org.botarena.arena.retention;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The retention policy on a real PostgreSQL and a simulated clock: what is dropped, what stays, and
 * when.
 */
class ReplayRetentionTest {

  static final Instant NOW = Instant.parse("2027-03-01T12:00:00Z");
  static final RetentionPolicy POLICY = new RetentionPolicy(3, 7, 2, 0, 500);
  static final int REPLAY_BYTES = 1000;

  ServiceDatabase db;
  ReplayRetention retention = new ReplayRetention();
  long training;
  long debug;
  long tournament;
  long red;
  long blue;

  @BeforeEach
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_retention");
    retention.em = db.em;
    try (Connection c = db.jdbc()) {
      long team = id(c, "insert into teams (name) values ('t') returning id");
      red = id(c, "insert into bots (team_id, name) values (" + team + ", 'red') returning id");
      blue = id(c, "insert into bots (team_id, name) values (" + team + ", 'blue') returning id");
      training =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TRAINING', 't', 'simple')"
                  + " returning id");
      debug =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('DEBUG', 'd', 'simple') returning"
                  + " id");
      tournament =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TOURNAMENT', 'cup', 'simple')"
                  + " returning id");
      c.createStatement()
          .execute(
              "insert into ratings (bot_id, game_type, mu, sigma, games) values ("
                  + red
                  + ", 'simple', 30, 5, 9)");
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void oldReplaysGoWhileResultsTournamentsDebugWithinItsDaysAndEachBotsLastGamesStay()
      throws Exception {
    List<UUID> oldTraining = new ArrayList<>();
    for (int daysAgo = 10; daysAgo >= 8; daysAgo--) {
      oldTraining.add(finished(training, NOW.minus(Duration.ofDays(daysAgo))));
    }
    UUID lastButOne = finished(training, NOW.minus(Duration.ofDays(7)));
    UUID recent = finished(training, NOW.minus(Duration.ofDays(1)));
    UUID oldDebug = finished(debug, NOW.minus(Duration.ofDays(8)));
    UUID youngDebug = finished(debug, NOW.minus(Duration.ofDays(2)));
    UUID cupFinal = finished(tournament, NOW.minus(Duration.ofDays(100)));

    assertEquals(
        new ReplayRetention.Forecast(4, 4 * REPLAY_BYTES, false),
        db.tx(() -> retention.forecast(POLICY, NOW)));
    ReplayRetention.Sweep sweep = db.tx(() -> retention.sweep(POLICY, NOW));
    assertEquals(new ReplayRetention.Sweep(4, 4 * REPLAY_BYTES, 4), sweep);

    Set<UUID> gone = new HashSet<>(oldTraining);
    gone.add(oldDebug);
    assertEquals(gone, withoutReplay());
    assertEquals(8, db.count("select count(*) from matches"), "every match row stays");
    assertEquals(
        16,
        db.count("select count(*) from match_players where result is not null"),
        "every result stays");
    assertEquals(
        9, db.count("select games from ratings where bot_id = " + red), "ratings are untouched");

    // the kept are looked at again when they may go: a last game in a day, the rest at their age
    // limit
    assertEquals(NOW.plus(Duration.ofDays(1)), reviewAfter(lastButOne));
    assertEquals(NOW.plus(Duration.ofDays(2)), reviewAfter(recent));
    assertEquals(NOW.plus(Duration.ofDays(5)), reviewAfter(youngDebug));
    assertEquals(Instant.MAX, reviewAfter(cupFinal), "a tournament game's replay is kept for good");
    assertEquals(
        new ReplayRetention.Sweep(0, 0, 0),
        db.tx(() -> retention.sweep(POLICY, NOW)),
        "nothing due twice");

    // two days on, both bots have played since: the game 7 days old is no longer one of their last
    // two
    Instant later = NOW.plus(Duration.ofDays(2));
    finished(training, NOW.plus(Duration.ofDays(1)));
    assertEquals(1, db.tx(() -> retention.forecast(POLICY, later)).replays());
    db.tx(() -> retention.sweep(POLICY, later));
    assertEquals(Set.of(lastButOne), difference(withoutReplay(), gone));
    gone.add(lastButOne);

    // a week on: the debug game's days are over; the recent training game is one of the last two
    Instant weekLater = NOW.plus(Duration.ofDays(7));
    db.tx(() -> retention.sweep(POLICY, weekLater));
    assertEquals(Set.of(youngDebug), difference(withoutReplay(), gone));
  }

  @Test
  void aSweepDropsAtMostOneBatchAndTheNextGoesOn() throws Exception {
    for (int i = 0; i < 5; i++) {
      finished(training, NOW.minus(Duration.ofDays(30 + i)));
    }
    finished(training, NOW.minus(Duration.ofDays(1)));
    finished(training, NOW.minus(Duration.ofDays(2)));
    RetentionPolicy smallBatches = new RetentionPolicy(3, 7, 2, 0, 2);
    assertEquals(2, db.tx(() -> retention.sweep(smallBatches, NOW)).dropped());
    assertEquals(2, db.tx(() -> retention.sweep(smallBatches, NOW)).dropped());
    assertEquals(1, db.tx(() -> retention.sweep(smallBatches, NOW)).dropped());
    assertEquals(0, db.tx(() -> retention.sweep(smallBatches, NOW)).dropped());
    assertEquals(5, withoutReplay().size());
  }

  @Test
  void theSampleIsAboutOneInNAndTheSameWhoeverSweeps() throws Exception {
    for (int i = 0; i < 200; i++) {
      finished(training, NOW.minus(Duration.ofDays(30)));
    }
    RetentionPolicy sampling = new RetentionPolicy(3, 7, 0, 4, 10_000);
    long forecast = db.tx(() -> retention.forecast(sampling, NOW)).replays();
    db.tx(() -> retention.sweep(sampling, NOW));
    int kept = db.count("select count(*) from replays");
    // one in 4 of 200 by the match id's hash: 50 expected, 20..80 is beyond five standard
    // deviations
    assertTrue(kept >= 20 && kept <= 80, "kept " + kept);
    assertEquals(200 - kept, forecast, "the forecast counts what the sweep drops");
    assertEquals(
        kept,
        db.count("select count(*) from replays where review_after = 'infinity'"),
        "the sample stays for good");
    assertFalse(
        db.tx(() -> retention.sweep(sampling, NOW.plus(Duration.ofDays(365)))).dropped() > 0);
  }

  @Test
  void storageShowsTheDatabaseAndEachDaysReplays() throws Exception {
    Instant wallClock = Instant.now();
    finished(training, wallClock.minus(Duration.ofHours(1)));
    finished(training, wallClock.minus(Duration.ofHours(1)));
    ReplayRetention.Storage storage = db.tx(() -> retention.storage(wallClock, 14));
    assertTrue(storage.databaseBytes() > storage.replayTableBytes());
    assertTrue(storage.replayTableBytes() > 0);
    long replays = storage.replaysPerDay().stream().mapToLong(ReplayRetention.Day::replays).sum();
    long bytes = storage.replaysPerDay().stream().mapToLong(ReplayRetention.Day::bytes).sum();
    assertEquals(2, replays);
    assertEquals(2 * REPLAY_BYTES, bytes);
  }

  /**
   * A finished match of red and blue in {@code arena}, ended at {@code endedAt}, with a replay of
   * 1000 bytes.
   */
  private UUID finished(long arena, Instant endedAt) throws SQLException {
    UUID match =
        new TestMatch(arena, "FINISHED")
            .set("end_state", "'WIN'")
            .set("ended_at", "'" + endedAt + "'")
            .player(red, "win")
            .player(blue, "loss")
            .insert(db);
    try (Connection c = db.jdbc();
        PreparedStatement p =
            c.prepareStatement(
                "insert into replays (match_id, data, created_at) values (?, ?, ?::timestamptz)")) {
      p.setObject(1, match);
      p.setBytes(2, new byte[REPLAY_BYTES]);
      p.setString(3, endedAt.toString());
      p.executeUpdate();
    }
    return match;
  }

  private Set<UUID> withoutReplay() throws SQLException {
    Set<UUID> ids = new HashSet<>();
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select id from matches m where not exists (select 1 from replays r where"
                        + " r.match_id = m.id)")) {
      while (rs.next()) {
        ids.add(rs.getObject(1, UUID.class));
      }
    }
    return ids;
  }

  private static Set<UUID> difference(Set<UUID> a, Set<UUID> b) {
    Set<UUID> d = new HashSet<>(a);
    d.removeAll(b);
    return d;
  }

  private Instant reviewAfter(UUID match) throws SQLException {
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select review_after = 'infinity', extract(epoch from review_after) from"
                        + " replays where match_id = '"
                        + match
                        + "'")) {
      rs.next();
      return rs.getBoolean(1) ? Instant.MAX : Instant.ofEpochSecond(Math.round(rs.getDouble(2)));
    }
  }
}

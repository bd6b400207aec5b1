package org.botarena.arena.sessions;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A bot connecting again, against a real PostgreSQL database: its games in progress and its state.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SessionRegistryTest {

  ServiceDatabase db;
  SessionRegistry registry = new SessionRegistry();
  long team;
  long training;
  long debug;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_sessions");
    registry.em = db.em;
    try (Connection c = db.jdbc()) {
      team = id(c, "insert into teams (name) values ('green') returning id");
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
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  @Test
  void aBotBackInTheMiddleOfATrainingGameResumesItAndIsNotPairedAgain() throws Exception {
    long bot = bot("resumer");
    UUID game = match(training, "RUNNING", "i2", bot);
    match(training, "QUEUED", null, bot);
    SessionRegistry.Opened opened = db.tx(() -> registry.open(UUID.randomUUID(), bot, "i1"));
    assertEquals(
        Map.of(game.toString(), "i2"),
        opened.running(),
        "only a running game has a runner to resume");
    assertEquals("PLAYING", state(bot), "booked: not paired again before its games end");
  }

  @Test
  void aDebugGameLeavesTheBotInTheQueue() throws Exception {
    long bot = bot("debugged");
    UUID game = match(debug, "RUNNING", "i2", bot);
    SessionRegistry.Opened opened = db.tx(() -> registry.open(UUID.randomUUID(), bot, "i1"));
    assertEquals(
        Map.of(game.toString(), "i2"),
        opened.running(),
        "the debug game goes on on this connection");
    // a debug game's end does not requeue its bots: PLAYING here would have been for good
    assertEquals("IDLE", state(bot));
  }

  @Test
  void aNewConnectionReplacesTheOldSession() throws Exception {
    long bot = bot("replaced");
    UUID first = UUID.randomUUID();
    assertTrue(db.tx(() -> registry.open(first, bot, "i1")).replaced().isEmpty());
    assertEquals(
        first,
        db.tx(() -> registry.open(UUID.randomUUID(), bot, "i2")).replaced().orElseThrow().getId());
  }

  /**
   * The race that left bots idle for good after an instance was killed: the bot's game ends while
   * it connects again. The end (as {@link MatchService#finish} does it: the match locked, then the
   * sessions requeued) holds the lock here until the connection waits for it.
   */
  @Test
  void aGameEndingWhileTheBotConnectsAgainDoesNotLeaveItPlayingNothing() throws Exception {
    long bot = bot("racer");
    UUID game = match(training, "RUNNING", "i2", bot);
    try (Connection ending = db.jdbc()) {
      ending.setAutoCommit(false);
      ending
          .createStatement()
          .execute("select 1 from matches where id = '" + game + "' for update");
      CompletableFuture<SessionRegistry.Opened> reconnect =
          CompletableFuture.supplyAsync(
              () -> db.tx(() -> registry.open(UUID.randomUUID(), bot, "i1")));
      try {
        reconnect.get(500, TimeUnit.MILLISECONDS);
        throw new AssertionError("the connection did not wait for the game that is ending");
      } catch (TimeoutException expected) {
        // it waits on the match's lock
      }
      ending
          .createStatement()
          .execute("update matches set state = 'FINISHED' where id = '" + game + "'");
      ending
          .createStatement()
          .execute(
              "update bot_sessions set state = 'QUEUED' where bot_id = "
                  + bot
                  + " and state = 'PLAYING'");
      ending.commit();
      SessionRegistry.Opened opened = reconnect.get(10, TimeUnit.SECONDS);
      assertTrue(opened.running().isEmpty(), "the game is over");
    }
    assertFalse(
        "PLAYING".equals(state(bot)), "PLAYING with no game: the bot would never be paired again");
  }

  @Test
  void botsPlayingNoGameAreFoundAndQueuedAgain() throws Exception {
    long busy = bot("busy");
    match(training, "RUNNING", "i1", busy);
    long stranded = bot("stranded");
    long debugOnly = bot("debug-only");
    match(debug, "RUNNING", "i1", debugOnly);
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into bot_sessions (id, bot_id, instance, state, wants_games) values"
                  + " ('"
                  + UUID.randomUUID()
                  + "', "
                  + busy
                  + ", 'i1', 'PLAYING', true),"
                  + " ('"
                  + UUID.randomUUID()
                  + "', "
                  + stranded
                  + ", 'i1', 'PLAYING', true),"
                  + " ('"
                  + UUID.randomUUID()
                  + "', "
                  + debugOnly
                  + ", 'i1', 'PLAYING', false)");
    }
    assertEquals(2, db.tx(() -> registry.requeueStranded()));
    assertEquals("PLAYING", state(busy), "its game is running");
    assertEquals("QUEUED", state(stranded));
    assertEquals(
        "IDLE",
        state(debugOnly),
        "a debug game does not hold a bot, and this one said it was not ready");
  }

  @Test
  void aHeartbeatInFlightKeepsItsInstanceAndItsSessions() throws Exception {
    String instance = "i-" + UUID.randomUUID();
    db.tx(() -> registry.heartbeat(instance));
    long bot = bot("beating");
    db.tx(() -> registry.open(UUID.randomUUID(), bot, instance));
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "update instances set heartbeat_at = now() - interval '1 hour' where id = '"
                  + instance
                  + "'");
    }
    try (Connection beating = db.jdbc()) {
      beating.setAutoCommit(false);
      // the instance's heartbeat refreshed its row and has not committed yet (held up on a lock)
      beating
          .createStatement()
          .execute("update instances set heartbeat_at = now() where id = '" + instance + "'");
      CompletableFuture<Integer> sweep =
          CompletableFuture.supplyAsync(() -> db.tx(() -> registry.removeDeadInstances(30)));
      try {
        sweep.get(500, TimeUnit.MILLISECONDS);
        throw new AssertionError("the sweep did not wait for the heartbeat's row");
      } catch (TimeoutException expected) {
        // it waits on the instance's row, as the leader's housekeeping would
      }
      beating.commit();
      sweep.get(30, TimeUnit.SECONDS);
    }
    assertEquals(
        1,
        count("select count(*) from bot_sessions where bot_id = " + bot),
        "the live instance's session stays");
    assertEquals(1, count("select count(*) from instances where id = '" + instance + "'"));
  }

  @Test
  void aHeartbeatIsNotHeldUpByAnotherTransactionsLockOnOneOfItsSessions() throws Exception {
    String instance = "i-" + UUID.randomUUID();
    db.tx(() -> registry.heartbeat(instance));
    long bot = bot("held");
    UUID session = UUID.randomUUID();
    db.tx(() -> registry.open(session, bot, instance));
    try (Connection pass = db.jdbc()) {
      pass.setAutoCommit(false);
      // a matchmaking pass (of a leader that froze in it, say) holds the bot's row
      pass.createStatement()
          .execute("select 1 from bot_sessions where bot_id = " + bot + " for update");
      SessionRegistry.Beat beat =
          CompletableFuture.supplyAsync(() -> db.tx(() -> registry.heartbeat(instance)))
              .get(30, TimeUnit.SECONDS);
      assertTrue(beat.known());
      assertEquals(Set.of(session), beat.sessions(), "the held session is still the instance's");
      pass.rollback();
    }
  }

  private int count(String sql) throws SQLException {
    try (Connection c = db.jdbc();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  @Test
  void anInstanceTheClusterForgotGetsItsConnectionsSessionsBack() throws Exception {
    String instance = "i-" + UUID.randomUUID();
    assertFalse(db.tx(() -> registry.heartbeat(instance)).known(), "unknown at its first beat");
    assertTrue(db.tx(() -> registry.heartbeat(instance)).known());
    long idle = bot("forgotten-idle");
    long booked = bot("forgotten-booked");
    long moved = bot("forgotten-moved");
    UUID idleSession = UUID.randomUUID();
    UUID bookedSession = UUID.randomUUID();
    UUID movedSession = UUID.randomUUID();
    db.tx(() -> registry.open(idleSession, idle, instance));
    db.tx(() -> registry.open(bookedSession, booked, instance));
    db.tx(() -> registry.open(movedSession, moved, instance));
    match(training, "RUNNING", "i9", booked);
    // the leader took the instance for dead: its sessions and its row are gone
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "update instances set heartbeat_at = now() - interval '1 hour' where id = '"
                  + instance
                  + "'");
    }
    assertEquals(3, db.tx(() -> registry.removeDeadInstances(30)));
    db.tx(
        () ->
            registry.open(
                UUID.randomUUID(), moved, "elsewhere")); // this one connected again elsewhere

    SessionRegistry.Beat forgotten = db.tx(() -> registry.heartbeat(instance));
    assertFalse(forgotten.known(), "forgotten");
    assertEquals(Set.of(), forgotten.sessions(), "and its sessions with it");
    assertTrue(db.tx(() -> registry.restore(idleSession, idle, instance, null)));
    assertTrue(db.tx(() -> registry.restore(bookedSession, booked, instance, null)));
    assertFalse(
        db.tx(() -> registry.restore(movedSession, moved, instance, null)),
        "its newer session stays");
    assertEquals("IDLE", state(idle), "until it answers ready? again");
    assertEquals("PLAYING", state(booked), "its game goes on");
    SessionRegistry.Beat back = db.tx(() -> registry.heartbeat(instance));
    assertTrue(back.known());
    assertEquals(
        Set.of(idleSession, bookedSession),
        back.sessions(),
        "the restored sessions are the instance's again; the moved bot's is elsewhere's");
  }

  @Test
  void withTwoGameSlotsABotIsPairedAgainUntilBothAreTaken() throws Exception {
    SessionRegistry two = TestSessions.registry(db.em, 2);
    long bot = bot("parallel");
    UUID session = UUID.randomUUID();
    db.tx(() -> two.open(session, bot, "i1", java.util.List.of("simple", "rps")));
    db.tx(
        () -> {
          two.ready(session, true);
          return null;
        });
    UUID first = match(training, "RUNNING", "i1", bot);
    db.tx(
        () -> {
          two.booked(java.util.List.of(bot));
          return null;
        });
    assertEquals("QUEUED", state(bot), "one slot is left: it may be paired again");
    match(training, "QUEUED", null, bot);
    db.tx(
        () -> {
          two.booked(java.util.List.of(bot));
          return null;
        });
    assertEquals("PLAYING", state(bot), "both slots taken");
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute("update matches set state = 'FINISHED' where id = '" + first + "'");
    }
    db.tx(
        () -> {
          two.gameEnded(java.util.List.of(bot));
          return null;
        });
    assertEquals("QUEUED", state(bot), "a slot is free again");
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select array_to_string(games, ',') from bot_sessions where bot_id = " + bot)) {
      rs.next();
      assertEquals("simple,rps", rs.getString(1), "the games it wants, from its hello");
    }
    assertEquals(
        "IDLE",
        db.tx(
            () -> {
              UUID again = UUID.randomUUID();
              two.open(again, bot, "i1", null);
              return "IDLE";
            }),
        "reconnected with one game open: a slot left, not PLAYING");
    assertEquals("IDLE", state(bot));
  }

  @Test
  void oneGameSlotIsTheDefault() {
    assertEquals(1, new SessionRegistry().parallelGames);
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> GameSlots.checked(0));
  }

  private long bot(String name) throws SQLException {
    try (Connection c = db.jdbc()) {
      return id(
          c, "insert into bots (team_id, name) values (" + team + ", '" + name + "') returning id");
    }
  }

  private UUID match(long arena, String state, String instance, long bot) throws SQLException {
    return new TestMatch(arena, state)
        .set("instance", instance == null ? "null" : "'" + instance + "'")
        .player(bot)
        .insert(db);
  }

  private String state(long bot) throws SQLException {
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select state from bot_sessions where bot_id = " + bot)) {
      rs.next();
      return rs.getString(1);
    }
  }
}

package org.botarena.arena.matches;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.messaging.Messaging;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The match queue's repairs, against a real PostgreSQL database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchServiceTest {

  ServiceDatabase db;
  MatchService matches = new MatchService();

  /** The messages the service sent to the match queue. */
  final List<UUID> sent = new ArrayList<>();

  /** The delivery delays of the messages sent with one. */
  final List<Long> delays = new ArrayList<>();

  long arena;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_matches");
    matches.em = db.em;
    matches.sessions = org.botarena.arena.sessions.TestSessions.registry(db.em, 1);
    matches.leaseSeconds = 30;
    matches.maxAttempts = 3;
    matches.messaging =
        new Messaging() {
          @Override
          public void scheduleMatch(UUID matchId) {
            sent.add(matchId);
          }

          @Override
          public void scheduleMatch(UUID matchId, long delayMs) {
            sent.add(matchId);
            delays.add(delayMs);
          }
        };
    try (Connection c = db.jdbc()) {
      arena =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TRAINING', 't', 'simple')"
                  + " returning id");
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  @Test
  void aMatchQueuedLongerThanALeaseIsSentAgainOnceALease() throws Exception {
    UUID lost = match("QUEUED", 45);
    match("QUEUED", 5); // waits for a runner as it should
    match("RUNNING", 45);
    sent.clear();
    assertEquals(List.of(lost), db.tx(() -> matches.resendUnclaimed()));
    assertEquals(List.of(lost), sent, "its message, and no other");
    assertTrue(
        db.tx(() -> matches.resendUnclaimed()).isEmpty(),
        "not again before another lease has passed");
  }

  @Test
  void aMatchRequeuedAfterItsRunnerDiedCountsItsLeaseFromThen() throws Exception {
    UUID match = match("RUNNING", 300);
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "update matches set attempt = 1, lease_until = now() - interval '1 second'"
                  + " where id = '"
                  + match
                  + "'");
    }
    sent.clear();
    assertEquals(List.of(match), db.tx(() -> matches.requeueExpired()));
    assertTrue(db.tx(() -> matches.resendUnclaimed()).isEmpty(), "just queued again");
    assertEquals(List.of(match), sent, "one message");
  }

  @Test
  void aClaimTakesAQueuedMatchOnceWithItsSeats() throws Exception {
    long house;
    long connected;
    long offline;
    try (Connection c = db.jdbc()) {
      long team = id(c, "insert into teams (name) values ('claimers') returning id");
      house =
          id(
              c,
              "insert into bots (team_id, name, house) values ("
                  + team
                  + ", 'house-x', 'random') returning id");
      connected =
          id(c, "insert into bots (team_id, name) values (" + team + ", 'online') returning id");
      offline =
          id(c, "insert into bots (team_id, name) values (" + team + ", 'offline') returning id");
      c.createStatement()
          .execute(
              "insert into bot_sessions (id, bot_id, instance, state) values ('"
                  + UUID.randomUUID()
                  + "', "
                  + connected
                  + ", 'i7', 'PLAYING')");
    }
    UUID match =
        new TestMatch(arena, "QUEUED")
            .set("seed", "42")
            .player(connected)
            .player(house)
            .player(offline)
            .insert(db);
    MatchPlan plan = db.tx(() -> matches.claim(match, "i1")).orElseThrow();
    assertEquals(1, plan.attempt());
    assertEquals(42, plan.seed());
    assertEquals("simple", plan.gameType());
    assertEquals("{}", plan.config());
    assertFalse(plan.debug());
    assertEquals(
        List.of(
            new Seat(0, connected, "bot" + connected, "i7", null),
            new Seat(1, house, "bot" + house, null, "random"),
            new Seat(2, offline, "bot" + offline, null, null)),
        plan.seats());
    assertTrue(db.tx(() -> matches.claim(match, "i2")).isEmpty(), "taken");
  }

  @Test
  void aFullRunnerPassesAQueuedMatchOnWithoutClaimingItOrADuplicateMessage() throws Exception {
    UUID waiting = match("QUEUED", 45); // a lease old: the leader would send it again
    UUID running = match("RUNNING", 45);
    sent.clear();
    delays.clear();
    assertTrue(db.tx(() -> matches.passOn(waiting, 1000)));
    assertEquals(List.of(waiting), sent, "its message again");
    assertEquals(List.of(1000L), delays, "delivered after the delay");
    assertFalse(db.tx(() -> matches.passOn(running, 1000)), "a claimed match is not sent again");
    assertEquals(1, sent.size());
    try (Connection c = db.jdbc()) {
      var r =
          c.createStatement()
              .executeQuery(
                  "select state, attempt, lease_until, instance from matches where id = '"
                      + waiting
                      + "'");
      assertTrue(r.next());
      assertEquals("QUEUED", r.getString(1), "left for another runner");
      assertEquals(0, r.getInt(2), "no attempt used up");
      assertEquals(null, r.getObject(3), "no lease");
      assertEquals(null, r.getObject(4));
    }
    assertFalse(
        db.tx(() -> matches.resendUnclaimed()).contains(waiting),
        "passed on just now: no duplicate");
    assertTrue(
        db.tx(() -> matches.claim(waiting, "i2")).isPresent(), "a runner with room takes it");
  }

  /** A match in {@code state}, queued {@code secondsAgo}. */
  private UUID match(String state, int secondsAgo) throws SQLException {
    return new TestMatch(arena, state)
        .set("queued_at", "now() - interval '" + secondsAgo + " seconds'")
        .insert(db);
  }
}

package org.botarena.arena.application;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.infrastructure.Messaging;
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
  long arena;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_matches");
    matches.em = db.em;
    matches.leaseSeconds = 30;
    matches.maxAttempts = 3;
    matches.messaging = new Messaging() {
      @Override
      public void scheduleMatch(UUID matchId) {
        sent.add(matchId);
      }
    };
    try (Connection c = db.jdbc()) {
      arena = id(c, "insert into arenas (kind, name, game_type) values ('TRAINING', 't', 'simple') returning id");
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
    assertTrue(db.tx(() -> matches.resendUnclaimed()).isEmpty(), "not again before another lease has passed");
  }

  @Test
  void aMatchRequeuedAfterItsRunnerDiedCountsItsLeaseFromThen() throws Exception {
    UUID match = match("RUNNING", 300);
    try (Connection c = db.jdbc()) {
      c.createStatement().execute("update matches set attempt = 1, lease_until = now() - interval '1 second'"
          + " where id = '" + match + "'");
    }
    sent.clear();
    assertEquals(List.of(match), db.tx(() -> matches.requeueExpired()));
    assertTrue(db.tx(() -> matches.resendUnclaimed()).isEmpty(), "just queued again");
    assertEquals(List.of(match), sent, "one message");
  }

  /** A match in {@code state}, queued {@code secondsAgo}. */
  private UUID match(String state, int secondsAgo) throws SQLException {
    return new TestMatch(arena, state).set("queued_at", "now() - interval '" + secondsAgo + " seconds'").insert(db);
  }
}

package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, on two Payara Micro instances: the database cut off, the broker restarted,
 * and finally one instance SIGKILLed in the middle of about 50 games. Whatever happens, no match
 * may be lost (each ends FINISHED, or FAILED after its last attempt, visibly), none rated twice,
 * and the bots play again. Leases are 10 s here (30 s by default) to keep the test short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  private static final int BOTS = 100;
  // games of 4-10 steps at 0.4 s a step: bots spend most of their time in games, so ~45 of the
  // 50 possible run at once (a fast machine otherwise finishes them between two pairing passes)
  private static final int THINK_MS = 400;

  final Stack stack = Stack.FAULTS.with("ARENA_MATCH_LEASE_SECONDS", "10");
  Fleet fleet;

  @BeforeAll
  void start() throws Exception {
    stack.start(2);
    fleet = new Fleet(stack, "fault", BOTS, 2, THINK_MS);
  }

  @AfterAll
  void stop() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    stack.close();
  }

  @Test
  @Order(1)
  void theInstancesRecoverFromADatabaseOutageWithoutARestart() throws Exception {
    awaitFinishedAfter(Instant.EPOCH, 40, 90);
    Instant cut = Instant.now();
    try (Connection admin = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("alter database " + stack.databaseName() + " allow_connections false");
      sql.execute("select pg_terminate_backend(pid) from pg_stat_activity where datname = '" + stack.databaseName() + "'");
      Thread.sleep(5000);
      assertEquals(503, stack.request(1, "/health/ready").statusCode(), "not ready without the database");
      sql.execute("alter database " + stack.databaseName() + " allow_connections true");
    }
    Instant back = Instant.now();
    awaitFinishedAfter(back, 40, 90);
    for (int instance = 1; instance <= 2; instance++) {
      assertEquals(200, stack.request(instance, "/health/ready").statusCode(), "instance " + instance + " ready again");
    }
    awaitNothingPendingFrom(cut, 90);
    assertRatedOnce();
  }

  @Test
  @Order(2)
  void aBrokerRestartLosesNoQueuedMatchAndProcessingResumes() throws Exception {
    awaitFinishedAfter(Instant.now(), 20, 60);
    Instant restart = Instant.now();
    stack.restartBroker();
    Instant back = Instant.now();
    System.out.println("broker restarted in " + (back.toEpochMilli() - restart.toEpochMilli()) + " ms");
    awaitFinishedAfter(back, 40, 120);
    awaitNothingPendingFrom(restart, 120);
    assertRatedOnce();
  }

  @Test
  @Order(3)
  void aKilledInstanceLosesNoMatchAndItsBotsPlayAgainWithin30Seconds() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    int running = 0;
    while ((running = count("select count(*) from matches where state = 'RUNNING'")) < 40) {
      assertTrue(System.currentTimeMillis() < deadline, "only " + running + " games running at once");
      Thread.sleep(100);
    }
    List<String> unfinished = ids("select id from matches where state in ('QUEUED', 'RUNNING')");
    Instant killed = Instant.now();
    stack.kill(2);
    fleet.dead(2);
    System.out.println("killed instance-2 with " + running + " games running, " + unfinished.size() + " unfinished");

    // every bot connected again and in a match scheduled after the kill within 30 s
    long playAgain = killed.toEpochMilli() + 30_000;
    int idle;
    while ((idle = botsWithoutMatchSince(killed)) > 0) {
      assertTrue(System.currentTimeMillis() < playAgain, idle + " bots not playing again 30 s after the kill");
      Thread.sleep(500);
    }
    System.out.println("every bot playing again " + (System.currentTimeMillis() - killed.toEpochMilli()) + " ms after the kill");

    // every match that was unfinished at the kill ends: finished (perhaps as a new attempt) or FAILED
    long settle = System.currentTimeMillis() + 90_000;
    List<String> open;
    while (!(open = stillOpen(unfinished)).isEmpty()) {
      assertTrue(System.currentTimeMillis() < settle, open.size() + " matches lost in limbo: " + open);
      Thread.sleep(500);
    }
    System.out.println("outcomes of the unfinished matches: " + outcomes(unfinished));
    assertRatedOnce();
  }

  private void awaitFinishedAfter(Instant since, int wanted, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int finished = 0;
    while (System.currentTimeMillis() < deadline) {
      try (Connection db = stack.database();
          PreparedStatement q = db.prepareStatement("select count(*) from matches where state = 'FINISHED' and ended_at > ?")) {
        q.setTimestamp(1, Timestamp.from(since));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          finished = rs.getInt(1);
        }
        if (finished >= wanted) {
          return;
        }
      } catch (java.sql.SQLException e) {
        // the database may still be refusing connections
      }
      Thread.sleep(500);
    }
    throw new AssertionError("only " + finished + " matches finished in " + seconds + " s");
  }

  /** Every match created before {@code until} is FINISHED or FAILED within the time. */
  private void awaitNothingPendingFrom(Instant until, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int pending = 0;
    while (System.currentTimeMillis() < deadline) {
      try (Connection db = stack.database();
          PreparedStatement q = db.prepareStatement(
              "select count(*) from matches where state in ('QUEUED', 'RUNNING') and created_at < ?")) {
        q.setTimestamp(1, Timestamp.from(until));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          pending = rs.getInt(1);
        }
      }
      if (pending == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(pending + " matches from before the fault never ended");
  }

  /** Rated once each, and every result rated: one whose message was lost too, within a lease or two. */
  private void assertRatedOnce() throws Exception {
    long deadline = System.currentTimeMillis() + 30_000;
    int unrated;
    while ((unrated = count("select count(*) from matches m where m.state = 'FINISHED' and not m.rated"
        // training games all (house games rate by default), 10 s leases here
        + " and m.end_state not in ('ABORTED', 'DROPPED') and m.ended_at < now() - interval '20 seconds'")) > 0) {
      assertTrue(System.currentTimeMillis() < deadline, unrated + " results never rated");
      Thread.sleep(500);
    }
    assertEquals(0, count("select count(*) from (select match_id from rating_history group by match_id having count(*) > 2) twice"),
        "a match rated twice");
    assertEquals(0, count("select count(*) from matches m where m.rated and (select count(*) from rating_history h"
        + " where h.match_id = m.id) <> 2"), "a rated match without exactly one update per player");
  }

  private int botsWithoutMatchSince(Instant since) throws Exception {
    try (Connection db = stack.database(); PreparedStatement q = db.prepareStatement(
        "select count(*) from bots b where b.name like 'fault%' and not exists (select 1 from match_players p"
            // a new match, or one of the killed runner's matches run again as its next attempt
            + " join matches m on m.id = p.match_id where p.bot_id = b.id and (m.created_at > ? or m.started_at > ?))")) {
      q.setTimestamp(1, Timestamp.from(since));
      q.setTimestamp(2, Timestamp.from(since));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private List<String> stillOpen(List<String> matches) throws Exception {
    List<String> open = new ArrayList<>();
    try (Connection db = stack.database(); PreparedStatement q = db.prepareStatement(
        "select id::text from matches where id::text = any (?) and state in ('QUEUED', 'RUNNING')")) {
      q.setArray(1, db.createArrayOf("text", matches.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          open.add(rs.getString(1));
        }
      }
    }
    return open;
  }

  private String outcomes(List<String> matches) throws Exception {
    try (Connection db = stack.database(); PreparedStatement q = db.prepareStatement(
        "select state || '/' || coalesce(end_state, '-') || '/attempt ' || attempt, count(*) from matches"
            + " where id::text = any (?) group by 1 order by 1")) {
      q.setArray(1, db.createArrayOf("text", matches.toArray()));
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append(": ").append(rs.getInt(2)).append("; ");
        }
      }
      return out.toString();
    }
  }

  private List<String> ids(String query) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection db = stack.database(); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private int count(String query) throws Exception {
    try (Connection db = stack.database(); Statement sql = db.createStatement(); ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

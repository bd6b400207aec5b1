package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under load, on two Payara Micro instances: the database cut off, the broker restarted, and
 * finally one instance SIGKILLed in the middle of about 50 games. Whatever happens, no match may be
 * lost (each ends FINISHED, or FAILED after its last attempt, visibly), none rated twice, and the
 * bots play again. Leases are 10 s here (30 s by default) to keep the test short.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

  private static final int BOTS = 100;
  // games of 4-10 steps at 0.4 s a step: bots spend most of their time in games, so ~45 of the
  // 50 possible run at once (a fast machine otherwise finishes them between two pairing passes)
  private static final int THINK_MS = 400;

  final Stack stack = Stack.FAULTS.with("ARENA_MATCH_LEASE_SECONDS", "10");
  final MatchLedger ledger = new MatchLedger(stack, "fault");
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
    ledger.awaitFinishedAfter(Instant.EPOCH, 40, 90);
    Instant cut = Instant.now();
    try (Connection admin =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
        Statement sql = admin.createStatement()) {
      sql.execute("alter database " + stack.databaseName() + " allow_connections false");
      sql.execute(
          "select pg_terminate_backend(pid) from pg_stat_activity where datname = '"
              + stack.databaseName()
              + "'");
      Thread.sleep(5000);
      assertEquals(
          503, stack.request(1, "/health/ready").statusCode(), "not ready without the database");
      sql.execute("alter database " + stack.databaseName() + " allow_connections true");
    }
    Instant back = Instant.now();
    ledger.awaitFinishedAfter(back, 40, 90);
    for (int instance = 1; instance <= 2; instance++) {
      assertEquals(
          200,
          stack.request(instance, "/health/ready").statusCode(),
          "instance " + instance + " ready again");
    }
    ledger.awaitNothingPendingFrom(cut, 90);
    ledger.assertRatedOnce();
  }

  @Test
  @Order(2)
  void aBrokerRestartLosesNoQueuedMatchAndProcessingResumes() throws Exception {
    ledger.awaitFinishedAfter(Instant.now(), 20, 60);
    Instant restart = Instant.now();
    stack.restartBroker();
    Instant back = Instant.now();
    System.out.println(
        "broker restarted in " + (back.toEpochMilli() - restart.toEpochMilli()) + " ms");
    ledger.awaitFinishedAfter(back, 40, 120);
    ledger.awaitNothingPendingFrom(restart, 120);
    ledger.assertRatedOnce();
  }

  @Test
  @Order(3)
  void aKilledInstanceLosesNoMatchAndItsBotsPlayAgainWithin30Seconds() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    int running = 0;
    while ((running = ledger.count("select count(*) from matches where state = 'RUNNING'")) < 40) {
      assertTrue(
          System.currentTimeMillis() < deadline, "only " + running + " games running at once");
      Thread.sleep(100);
    }
    List<String> unfinished = ledger.unfinished();
    Instant killed = Instant.now();
    stack.kill(2);
    fleet.dead(2);
    System.out.println(
        "killed instance-2 with "
            + running
            + " games running, "
            + unfinished.size()
            + " unfinished");

    // every bot connected again and in a match scheduled after the kill within 30 s
    double playing = ledger.awaitEveryBotPlayingSince(killed, 30);
    System.out.println("every bot playing again " + playing + " s after the kill");

    // every match that was unfinished at the kill ends: finished (perhaps as a new attempt) or
    // FAILED
    ledger.awaitEnded(unfinished, 90);
    System.out.println("outcomes of the unfinished matches: " + ledger.outcomes(unfinished));
    ledger.assertRatedOnce();
  }
}

package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

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
 * The fault matrix (docs/operations.md): each fault under load on two instances, with the matches
 * open at the fault followed to their end, the matches lost and rated twice counted, and the
 * seconds until every bot plays again measured and printed as a row of the table. The stack runs
 * on the embedded PostgreSQL, so that restarting it disturbs no other stack of the machine.
 * Leases are 10 s (30 s by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {

  private static final int BOTS = 60;
  private static final int THINK_MS = 300;
  private static final int LEASE_SECONDS = 10;

  final Stack stack = Stack.MATRIX.with("ARENA_MATCH_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
  final MatchLedger ledger = new MatchLedger(stack, "matrix");
  Fleet fleet;

  @BeforeAll
  void start() throws Exception {
    stack.start(2);
    fleet = new Fleet(stack, "matrix", BOTS, 2, THINK_MS);
    ledger.awaitFinishedAfter(Instant.EPOCH, 30, 120);
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
  void postgresRestarted() throws Exception {
    List<String> open = ledger.unfinished();
    Instant fault = Instant.now();
    stack.restartDatabase();
    settle("PostgreSQL restarted", open, fault, Instant.now());
  }

  @Test
  @Order(2)
  void brokerKilledAndStarted() throws Exception {
    ledger.awaitFinishedAfter(Instant.now(), 20, 120);
    List<String> open = ledger.unfinished();
    Instant fault = Instant.now();
    stack.killBroker();
    stack.restartBroker(); // starts it again on the journal the SIGKILL left
    settle("broker SIGKILLed and started", open, fault, Instant.now());
  }

  /**
   * A frozen instance keeps its sockets and stops renewing its leases: its matches are run again
   * elsewhere, and when it wakes up its late results are refused (the attempt and runner of the
   * stored match are no longer its own), so nothing is stored or rated twice.
   */
  @Test
  @Order(3)
  void instanceFrozenLongerThanALeaseThenResumed() throws Exception {
    ledger.awaitFinishedAfter(Instant.now(), 20, 120);
    int refusedBefore = refusedLateResults();
    List<String> frozenGames = ledger.ids("select id::text from matches where state = 'RUNNING' and instance = 'instance-2'");
    List<String> open = ledger.unfinished();
    Instant fault = Instant.now();
    stack.freeze(2);
    try {
      // past the lease and the leader's next requeue round (a frozen leader is replaced after the
      // stale time): the frozen runner's matches are taken away
      long requeued = System.currentTimeMillis() + 120_000;
      while (ledger.count("select count(*) from matches where state = 'RUNNING' and instance = 'instance-2'"
          + " and lease_until < now()") > 0 || Instant.now().isBefore(fault.plusSeconds(2L * LEASE_SECONDS))) {
        assertTrue(System.currentTimeMillis() < requeued, "the frozen instance's matches were not taken away");
        Thread.sleep(500);
      }
    } finally {
      stack.thaw(2);
    }
    Instant back = Instant.now();
    settle("instance SIGSTOPped for " + (back.getEpochSecond() - fault.getEpochSecond()) + " s, then resumed",
        open, fault, back);
    if (!frozenGames.isEmpty()) {
      assertTrue(ledger.count("select count(*) from matches where attempt > 1 and id::text = any ('{"
          + String.join(",", frozenGames) + "}')") > 0, "the frozen instance's games were run again");
    }
    System.out.println("late results refused after the freeze: " + (refusedLateResults() - refusedBefore));
  }

  /**
   * After a fault from {@code fault} to {@code back}: every bot plays again, every match open at the
   * fault ends, none is rated twice; prints the row of the matrix.
   */
  private void settle(String what, List<String> open, Instant fault, Instant back) throws Exception {
    double playing = ledger.awaitEveryBotPlayingSince(back, 180);
    ledger.awaitEnded(open, 180);
    ledger.awaitNothingPendingFrom(back, 180);
    ledger.assertRatedOnce();
    int failed = ledger.failed(open);
    System.out.printf("FAULT MATRIX | %s | down %.1f s | open at the fault %d | lost %d | rated twice %d"
            + " | every bot playing again %.1f s after recovery | %s%n", what,
        (back.toEpochMilli() - fault.toEpochMilli()) / 1000.0, open.size(), failed, ledger.ratedTwice(), playing,
        ledger.outcomes(open));
    assertEquals(0, failed, "matches lost (FAILED) to " + what);
  }

  private int refusedLateResults() throws Exception {
    String log = stack.log(2);
    int count = 0;
    for (int at = log.indexOf("is no longer this runner's"); at >= 0; at = log.indexOf("is no longer this runner's", at + 1)) {
      count++;
    }
    return count;
  }
}

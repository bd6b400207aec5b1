package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
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
 * seconds until every bot plays again measured and printed as a row of the table. The stack runs on
 * the embedded PostgreSQL, so that restarting it disturbs no other stack of the machine. Leases are
 * 10 s (30 s by default).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultMatrixIT {

  private static final int BOTS = 60;
  private static final int THINK_MS = 300;
  private static final int LEASE_SECONDS = 10;

  final Stack stack =
      Stack.MATRIX.with("ARENA_MATCH_LEASE_SECONDS", Integer.toString(LEASE_SECONDS));
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
   * The matchmaking leader frozen: it keeps its sockets, its leases and its advisory lock. The
   * other instance takes the lead once the frozen one's heartbeat is older than the stale time (30
   * s), runs its matches again when their leases lapse, and when the frozen one wakes up its late
   * results are refused (the stored match's attempt and runner are no longer its own), so nothing
   * is stored or rated twice.
   */
  @Test
  @Order(3)
  void leaderFrozenLongerThanALeaseThenResumed() throws Exception {
    ledger.awaitFinishedAfter(Instant.now(), 20, 120);
    int frozen = leader();
    int other = 3 - frozen;
    String runner = "instance-" + frozen;
    int refusedBefore = refusedLateResults(frozen);
    List<String> frozenGames =
        ledger.ids(
            "select id::text from matches where state = 'RUNNING' and instance = '" + runner + "'");
    List<String> open = ledger.unfinished();
    Instant fault = Instant.now();
    stack.freeze(frozen);
    try {
      long deadline = System.currentTimeMillis() + 180_000;
      while (leader() != other
          || ledger.count(
                  "select count(*) from matches where state = 'RUNNING'"
                      + " and instance = '"
                      + runner
                      + "' and lease_until < now()")
              > 0) {
        assertTrue(
            System.currentTimeMillis() < deadline,
            "instance-" + other + " did not take over from the frozen leader");
        Thread.sleep(500);
      }
    } finally {
      stack.thaw(frozen);
    }
    Instant back = Instant.now();
    settle(
        "the leader SIGSTOPped past its lease and the stale time, then resumed", open, fault, back);
    if (!frozenGames.isEmpty()) {
      assertTrue(
          ledger.count(
                  "select count(*) from matches where attempt > 1 and id::text = any ('{"
                      + String.join(",", frozenGames)
                      + "}')")
              > 0,
          "the frozen instance's games were run again");
    }
    System.out.println(
        "late results refused after the freeze: " + (refusedLateResults(frozen) - refusedBefore));
  }

  /** The instance that leads matchmaking now (its status says so), or 0 while none does. */
  private int leader() throws Exception {
    for (int i = 1; i <= 2; i++) {
      try {
        if (stack
            .request(i, "/arena/api/status", Duration.ofSeconds(3))
            .body()
            .contains("\"leader\":true")) {
          return i;
        }
      } catch (java.io.IOException e) {
        // a frozen instance does not answer
      }
    }
    return 0;
  }

  /**
   * After a fault from {@code fault} to {@code back}: every bot plays again, every match open at
   * the fault ends, none is rated twice; prints the row of the matrix.
   */
  private void settle(String what, List<String> open, Instant fault, Instant back)
      throws Exception {
    double playing = ledger.awaitEveryBotPlayingSince(back, 180);
    ledger.awaitEnded(open, 180);
    ledger.awaitNothingPendingFrom(back, 180);
    ledger.assertRatedOnce();
    int failed = ledger.failed(open);
    System.out.printf(
        "FAULT MATRIX | %s | down %.1f s | open at the fault %d | lost %d | rated twice %d"
            + " | every bot playing again %.1f s after recovery | %s%n",
        what,
        (back.toEpochMilli() - fault.toEpochMilli()) / 1000.0,
        open.size(),
        failed,
        ledger.ratedTwice(),
        playing,
        ledger.outcomes(open));
    assertEquals(0, failed, "matches lost (FAILED) to " + what);
  }

  private int refusedLateResults(int instance) throws Exception {
    String log = stack.log(instance);
    int count = 0;
    for (int at = log.indexOf("is no longer this runner's");
        at >= 0;
        at = log.indexOf("is no longer this runner's", at + 1)) {
      count++;
    }
    return count;
  }
}

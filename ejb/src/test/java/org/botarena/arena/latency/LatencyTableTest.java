package org.botarena.arena.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class LatencyTableTest {

  /** A game of {@code steps} steps each answered after {@code ms}, and {@code timeouts} misses. */
  private static LatencyTable.Row game(
      String name, String game, boolean lastDay, int deadlineMs, int steps, int ms, int timeouts) {
    SeatLatency seat = new SeatLatency(deadlineMs);
    for (int i = 0; i < steps; i++) {
      seat.answered(ms * 1_000_000L);
    }
    for (int i = 0; i < timeouts; i++) {
      seat.timedOut();
    }
    return new LatencyTable.Row(name, game, lastDay, seat);
  }

  @Test
  void eachNameAndGameHasItsDayAndItsLastThousandSteps() {
    List<LatencyTable.Row> rows = new ArrayList<>();
    // newest first: 3 games today of 400 steps at 10 ms, then 5 older ones at 100 ms
    for (int i = 0; i < 3; i++) {
      rows.add(game("new", "simple", true, 2000, 400, 10, 0));
    }
    for (int i = 0; i < 5; i++) {
      rows.add(game("new", "simple", false, 2000, 400, 100, 0));
    }
    rows.add(game("new", "hockey", true, 500, 99, 20, 1));
    rows.add(game("old", "simple", false, 2000, 50, 30, 0));
    List<LatencyTable.Line> lines = LatencyTable.of(rows);
    assertEquals(5, lines.size(), lines.toString());

    LatencyTable.Line day = lines.get(0);
    assertEquals(List.of("new", "simple", LatencyTable.LAST_DAY), key(day));
    assertEquals(3, day.games());
    assertEquals(1200, day.steps());
    LatencyTable.Line last = lines.get(1);
    assertEquals(List.of("new", "simple", LatencyTable.LAST_STEPS_WINDOW), key(last));
    assertEquals(3, last.games(), "the third game reaches 1,000 steps and counts whole");
    assertEquals(1200, last.steps());

    LatencyTable.Line hockey = lines.get(2);
    assertEquals(List.of("new", "hockey", LatencyTable.LAST_DAY), key(hockey));
    assertEquals(1, hockey.timeouts());
    assertEquals(100, hockey.steps());
    assertTrue(hockey.p50Ms() >= 20 && hockey.p50Ms() <= 20 * 17 / 16.0, "p50 " + hockey.p50Ms());
    assertTrue(hockey.p99Ms() < 500, "99 of 100 in time: " + hockey.p99Ms());
    assertEquals(500 - hockey.p99Ms(), hockey.marginMs(), 1e-9);

    assertEquals(List.of("new", "hockey", LatencyTable.LAST_STEPS_WINDOW), key(lines.get(3)));
    LatencyTable.Line old = lines.get(4);
    assertEquals(List.of("old", "simple", LatencyTable.LAST_STEPS_WINDOW), key(old), "no day line");
  }

  @Test
  void theLastStepsWindowStopsAtAThousandAndTheMarginTakesTheSmallestDeadline() {
    List<LatencyTable.Row> rows = new ArrayList<>();
    rows.add(game("b", "rps", false, 300, 600, 5, 0));
    rows.add(game("b", "rps", false, 100, 600, 5, 0)); // reaches 1,000: counted
    rows.add(game("b", "rps", false, 50, 600, 200, 0)); // past it: not counted
    LatencyTable.Line line = LatencyTable.of(rows).get(0);
    assertEquals(2, line.games());
    assertEquals(1200, line.steps());
    assertEquals(100, line.deadlineMs());
    assertTrue(line.p99Ms() < 6, "the older slow game is out: " + line.p99Ms());
    assertEquals(100 - line.p99Ms(), line.marginMs(), 1e-9);
  }

  @Test
  void manyTimeoutsMakeTheMarginNegative() {
    LatencyTable.Line line =
        LatencyTable.of(List.of(game("c", "simple", true, 200, 90, 1, 10))).get(0);
    assertEquals(10, line.timeouts());
    assertTrue(line.p99Ms() >= 200, "p99 is a missed step: " + line.p99Ms());
    assertTrue(line.marginMs() <= 0, "margin " + line.marginMs());
  }

  @Test
  void noRowsNoLines() {
    assertEquals(List.of(), LatencyTable.of(List.of()));
  }

  private static List<String> key(LatencyTable.Line l) {
    return List.of(l.name(), l.gameType(), l.window());
  }
}

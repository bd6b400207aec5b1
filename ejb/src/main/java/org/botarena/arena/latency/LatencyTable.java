package org.botarena.arena.latency;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The latency panel's lines from stored seat summaries (newest first): per bot name and game, the
 * merged step times of two windows, the last day and the last {@link #LAST_STEPS} steps (the newest
 * games until they hold that many steps; the oldest of them counts whole, so the window may hold a
 * few more). Pure: {@link LatencyPanel} reads the rows.
 */
public final class LatencyTable {

  public static final int LAST_STEPS = 1_000;

  public static final String LAST_DAY = "last day";
  public static final String LAST_STEPS_WINDOW = "last 1,000 steps";

  private LatencyTable() {}

  /** One seat's stored summary. */
  public record Row(String name, String gameType, boolean lastDay, SeatLatency latency) {}

  /**
   * One window of one name and game: the margin is the smallest deadline in force in its games
   * minus the p99 (negative: more than 1% of its steps took the deadline or longer).
   */
  public record Line(
      String name,
      String gameType,
      String window,
      int games,
      long steps,
      int timeouts,
      double p50Ms,
      double p95Ms,
      double p99Ms,
      int deadlineMs,
      double marginMs) {}

  /** The lines of {@code rows}, newest first: names and games in the order of their last game. */
  public static List<Line> of(List<Row> rows) {
    Map<List<String>, Window[]> groups = new LinkedHashMap<>();
    for (Row row : rows) {
      Window[] w =
          groups.computeIfAbsent(
              List.of(row.name(), row.gameType()),
              k -> new Window[] {new Window(LAST_DAY), new Window(LAST_STEPS_WINDOW)});
      if (row.lastDay()) {
        w[0].add(row.latency());
      }
      if (w[1].steps < LAST_STEPS) {
        w[1].add(row.latency());
      }
    }
    List<Line> lines = new ArrayList<>();
    groups.forEach(
        (key, windows) -> {
          for (Window w : windows) {
            if (w.games > 0) {
              lines.add(w.line(key.get(0), key.get(1)));
            }
          }
        });
    return lines;
  }

  /** Games merged into one window. */
  private static final class Window {
    final String name;
    final StepHistogram times = new StepHistogram();
    int games;
    long steps;
    int timeouts;
    int deadlineMs = Integer.MAX_VALUE;

    Window(String name) {
      this.name = name;
    }

    void add(SeatLatency seat) {
      times.merge(seat.times());
      games++;
      steps += seat.steps();
      timeouts += seat.timeouts();
      deadlineMs = Math.min(deadlineMs, seat.deadlineMs());
    }

    Line line(String botName, String gameType) {
      double p99 = ms(times.percentile(99));
      return new Line(
          botName,
          gameType,
          name,
          games,
          steps,
          timeouts,
          ms(times.percentile(50)),
          ms(times.percentile(95)),
          p99,
          deadlineMs,
          deadlineMs - p99);
    }

    private static double ms(long micros) {
      return micros / 1000.0;
    }
  }
}

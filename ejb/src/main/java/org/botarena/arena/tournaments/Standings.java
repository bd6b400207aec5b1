package org.botarena.arena.tournaments;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * A group's table. A win is worth 1 point, a draw 1/2 (a match that was dropped or failed counts as
 * a draw; a walkover as a win for the bot that was there). Ties are broken, in this order, by the
 * points the tied bots took from each other, then by wins, then by a coin toss seeded with the
 * tournament's seed, so that the order is reproducible and nobody can game the last rule.
 */
public final class Standings {

  /** One played (or walked-over) game: its two bots and the winner, null for a draw. */
  public record Result(long first, long second, Long winner) {}

  /** A bot's line in the table. */
  public record Line(long bot, double points, int wins, int draws, int losses) {}

  private Standings() {}

  /** The group's bots, best first. */
  public static List<Line> of(List<Long> group, List<Result> results, long seed) {
    Map<Long, double[]> tally = new HashMap<>(); // points, wins, draws, losses
    group.forEach(bot -> tally.put(bot, new double[4]));
    for (Result r : results) {
      if (r.winner() == null) {
        add(tally, r.first(), 0.5, 2);
        add(tally, r.second(), 0.5, 2);
      } else {
        long loser = r.winner() == r.first() ? r.second() : r.first();
        add(tally, r.winner(), 1, 1);
        add(tally, loser, 0, 3);
      }
    }
    List<Line> lines = new ArrayList<>();
    tally.forEach((bot, t) -> lines.add(new Line(bot, t[0], (int) t[1], (int) t[2], (int) t[3])));
    lines.sort(
        Comparator.comparingDouble(Line::points)
            .reversed()
            .thenComparing(
                Comparator.comparingDouble((Line l) -> headToHead(l, lines, results)).reversed())
            .thenComparing(Comparator.comparingInt(Line::wins).reversed())
            .thenComparingLong(l -> coin(seed, l.bot())));
    return lines;
  }

  private static void add(Map<Long, double[]> tally, long bot, double points, int column) {
    double[] t = tally.get(bot);
    if (t != null) {
      t[0] += points;
      t[column]++;
    }
  }

  /** The points a bot took in games against the bots level with it on points. */
  private static double headToHead(Line line, List<Line> lines, List<Result> results) {
    Set<Long> level = new java.util.HashSet<>();
    for (Line other : lines) {
      if (other.points() == line.points()) {
        level.add(other.bot());
      }
    }
    double points = 0;
    for (Result r : results) {
      boolean mine = r.first() == line.bot() || r.second() == line.bot();
      long opponent = r.first() == line.bot() ? r.second() : r.first();
      if (mine && level.contains(opponent)) {
        points += r.winner() == null ? 0.5 : r.winner() == line.bot() ? 1 : 0;
      }
    }
    return points;
  }

  private static long coin(long seed, long bot) {
    return new SplittableRandom(seed ^ (bot * 0x9E3779B97F4A7C15L)).nextLong();
  }
}

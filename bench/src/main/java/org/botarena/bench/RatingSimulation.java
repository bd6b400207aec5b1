package org.botarena.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;
import org.botarena.arena.matchmaking.CoolDown;
import org.botarena.arena.matchmaking.Pairing;
import org.botarena.bench.ratings.SimulatedArena;

/**
 * {@code ./arena bench ratings [--bots N] [--runs R] [--seed S] [--threshold T] [--bonus B]
 * [--keep-share K] [--keep-passes P] [--cool-down S] [--cool-down-games G] [--strategies A,B]}: how
 * well the real matchmaker and ratings recover known skills. For each pairing strategy (all of them
 * unless {@code --strategies} names some), R runs of N bots with true skills drawn from N(25, 25/3)
 * (the same skills for every strategy in a run); after 10, 20 and 30 games per bot on average it
 * reports Kendall's tau between the leaderboard (mu - 3 sigma) and the true order, the same for the
 * order by mu alone, how evenly the games were spread, how close the matches were, and how long
 * bots waited. Prints a Markdown table.
 */
public final class RatingSimulation {

  private static final int[] CHECKPOINTS = {10, 20, 30};

  private RatingSimulation() {}

  public static void main(String[] args) {
    // the shipped defaults (ejb's microprofile-config.properties)
    Map<String, String> options = new LinkedHashMap<>();
    options.put("bots", "50");
    options.put("runs", "20");
    options.put("seed", "1");
    options.put("threshold", "0.2");
    options.put("bonus", "0.1");
    options.put("keep-share", "0.1");
    options.put("keep-passes", "1");
    options.put("cool-down", "0");
    options.put("cool-down-games", "3");
    options.put("strategies", "all");
    for (int i = 0; i + 1 < args.length; i += 2) {
      String key = args[i].replaceFirst("^--", "");
      if (!options.containsKey(key)) {
        System.err.println("unknown option " + args[i] + "; known: " + options.keySet());
        System.exit(2);
      }
      options.put(key, args[i + 1]);
    }
    int bots = Integer.parseInt(options.get("bots"));
    int runs = Integer.parseInt(options.get("runs"));
    long seed = Long.parseLong(options.get("seed"));
    CoolDown coolDown =
        new CoolDown(
            Integer.parseInt(options.get("cool-down")),
            Integer.parseInt(options.get("cool-down-games")));
    int keepPasses = Integer.parseInt(options.get("keep-passes"));
    System.out.printf(
        Locale.ROOT,
        "%d bots, %d runs, seed %d, threshold %s, bonus %s/min, keep-waiting share %s for at most"
            + " %d passes (0: no limit), cool-down %d games and %d s; matches last 5-15 s, a pass"
            + " every second%n%n",
        bots,
        runs,
        seed,
        options.get("threshold"),
        options.get("bonus"),
        options.get("keep-share"),
        keepPasses,
        coolDown.games(),
        coolDown.seconds());
    System.out.println(
        "| pairing | games/bot | Kendall tau (mean ± sd) | tau by mu | games/bot CV"
            + " | fewest..most games | true draw prob. of matches | mean wait (s) |");
    System.out.println("|---|---|---|---|---|---|---|---|");
    for (Pairing.Strategy strategy : strategies(options.get("strategies"))) {
      Pairing.Settings settings =
          new Pairing.Settings(
              Double.parseDouble(options.get("threshold")),
              Double.parseDouble(options.get("bonus")),
              Double.parseDouble(options.get("keep-share")),
              strategy);
      List<List<double[]>> byCheckpoint = new ArrayList<>();
      for (int k = 0; k < CHECKPOINTS.length; k++) {
        byCheckpoint.add(new ArrayList<>());
      }
      for (int run = 0; run < runs; run++) {
        SimulatedArena arena =
            new SimulatedArena(
                skills(bots, seed + run), settings, coolDown, keepPasses, seed * 7919 + run);
        for (int k = 0; k < CHECKPOINTS.length; k++) {
          arena.runUntil((long) bots * CHECKPOINTS[k] / 2);
          byCheckpoint
              .get(k)
              .add(
                  new double[] {
                    arena.kendallTau(),
                    arena.gamesSpread(),
                    arena.fewestGames(),
                    arena.mostGames(),
                    arena.meanTrueDrawProbability(),
                    arena.meanWaitSeconds(),
                    arena.kendallTauByMu()
                  });
        }
      }
      for (int k = 0; k < CHECKPOINTS.length; k++) {
        List<double[]> rows = byCheckpoint.get(k);
        System.out.printf(
            Locale.ROOT,
            "| %s | %d | %.3f ± %.3f | %.3f ± %.3f | %.3f | %.0f..%.0f | %.3f | %.1f |%n",
            strategy.configName(),
            CHECKPOINTS[k],
            mean(rows, 0),
            sd(rows, 0),
            mean(rows, 6),
            sd(rows, 6),
            mean(rows, 1),
            mean(rows, 2),
            mean(rows, 3),
            mean(rows, 4),
            mean(rows, 5));
      }
    }
  }

  private static List<Pairing.Strategy> strategies(String names) {
    if (names.equals("all")) {
      return List.of(Pairing.Strategy.values());
    }
    List<Pairing.Strategy> chosen = new ArrayList<>();
    for (String name : names.split(",")) {
      chosen.add(Pairing.Strategy.of(name));
    }
    return chosen;
  }

  private static double[] skills(int bots, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    double[] skills = new double[bots];
    for (int i = 0; i < bots; i++) {
      double gaussian =
          Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
              * Math.cos(2 * Math.PI * random.nextDouble());
      skills[i] = 25 + 25.0 / 3 * gaussian;
    }
    return skills;
  }

  private static double mean(List<double[]> rows, int column) {
    return rows.stream().mapToDouble(r -> r[column]).average().orElse(Double.NaN);
  }

  private static double sd(List<double[]> rows, int column) {
    double mean = mean(rows, column);
    return Math.sqrt(
        rows.stream()
            .mapToDouble(r -> (r[column] - mean) * (r[column] - mean))
            .average()
            .orElse(0));
  }
}

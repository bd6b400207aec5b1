package org.botarena.games.hockey;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * The house bots {@code strong} and {@code weak} against each other, single-round episodes per
 * matchup, against the course environment's own statistics of its {@code BasicOpponent} ({@code
 * hockey-reference/stats_original.json}, 500 episodes each) and with its protocol: episode i starts
 * in player one's half when i is even, seeds count up from one seed per episode. Played on the
 * engine directly (no runner, no network).
 *
 * <p>The verdict: per matchup, a chi-square test of homogeneity of our win/draw/loss counts and the
 * course's (2 degrees of freedom), each within {@link #CHI_SQUARE_LIMIT}, the 1 - 0.001/4 quantile,
 * so that an implementation with exactly the course's rates fails on a block of seeds with
 * probability at most 0.001 over the four matchups. The seeds are fixed, so the verdict is the same
 * on every run and machine. What it can see is bounded by the course's 500 episodes (a rate's
 * standard error there is 0.022): it fails a shift of about 0.1 in one rate (the old table, 0.726
 * draws against 0.412, failed it by far) and cannot tell a shift of 0.05; docs/games.md has the
 * rates of 4000 episodes and of {@code ./arena local}.
 */
class HockeyStatisticsTest {

  private static final int EPISODES = Integer.getInteger("hockey.stats.episodes", 1000);
  private static final int COURSE_EPISODES = 500;
  private static final long FIRST_SEED = Long.getLong("hockey.stats.firstSeed", 0);
  private static final List<String> MATCHUPS =
      List.of("strong_vs_weak", "weak_vs_strong", "strong_vs_strong", "weak_vs_weak");

  /** The chi-square (2 degrees of freedom) exceeded with probability 0.001 / 4: -2 ln(0.00025). */
  static final double CHI_SQUARE_LIMIT = -2 * Math.log(0.001 / 4);

  private final HockeyGameType type = new HockeyGameType();
  private final List<Double> speeds = new ArrayList<>();

  @Test
  void strongAndWeakWinDrawAndLoseAsTheCourseBots() {
    JsonNode original = ReferenceScenario.document("stats_original.json").get("matchups");
    List<String> failures = new ArrayList<>();
    for (String matchup : MATCHUPS) {
      String[] bots = matchup.split("_vs_");
      double[] rates = play(bots[0], bots[1]);
      JsonNode expected = original.get(matchup);
      String[] names = {"p1_win", "draw", "p2_win"};
      long[] ours = new long[3];
      long[] course = new long[3];
      StringBuilder line = new StringBuilder(matchup + ":");
      for (int i = 0; i < 3; i++) {
        double want = expected.get(names[i]).doubleValue();
        ours[i] = Math.round(rates[i] * EPISODES);
        course[i] = Math.round(want * COURSE_EPISODES);
        line.append(String.format(" %s %.3f (course %.3f)", names[i], rates[i], want));
      }
      double chiSquare = chiSquare(ours, course);
      line.append(String.format(" chi-square %.2f (p %.3f)", chiSquare, Math.exp(-chiSquare / 2)));
      if (chiSquare > CHI_SQUARE_LIMIT) {
        failures.add(line.toString());
      }
      List<Double> sorted = speeds.stream().sorted().toList();
      double mean = sorted.stream().mapToDouble(Double::doubleValue).average().orElse(0);
      System.out.println(
          line.append(
                  String.format(
                      " mean steps %.1f (course %.1f)",
                      rates[3], expected.get("mean_steps").doubleValue()))
              .append(
                  String.format(
                      " puck speed mean %.2f (%.2f) p50 %.2f (%.2f) p90 %.2f (%.2f) p99 %.2f"
                          + " (%.2f)",
                      mean,
                      expected.get("puck_speed_mean").doubleValue(),
                      sorted.get(sorted.size() / 2),
                      expected.get("puck_speed_p50").doubleValue(),
                      sorted.get(sorted.size() * 9 / 10),
                      expected.get("puck_speed_p90").doubleValue(),
                      sorted.get(sorted.size() * 99 / 100),
                      expected.get("puck_speed_p99").doubleValue())));
    }
    assertTrue(
        failures.isEmpty(),
        "chi-square over "
            + String.format("%.2f", CHI_SQUARE_LIMIT)
            + " (p < 0.00025): "
            + failures);
  }

  /** Pearson's chi-square of a 2 x 3 table (two samples' win/draw/loss counts). */
  static double chiSquare(long[] a, long[] b) {
    long totalA = 0;
    long totalB = 0;
    for (int i = 0; i < a.length; i++) {
      totalA += a[i];
      totalB += b[i];
    }
    double total = totalA + totalB;
    double sum = 0;
    for (int i = 0; i < a.length; i++) {
      double column = a[i] + b[i];
      if (column == 0) {
        continue;
      }
      double expectedA = column * totalA / total;
      double expectedB = column * totalB / total;
      sum +=
          (a[i] - expectedA) * (a[i] - expectedA) / expectedA
              + (b[i] - expectedB) * (b[i] - expectedB) / expectedB;
    }
    return sum;
  }

  @Test
  void theChiSquareSeesTheOldTableAndPassesEqualCounts() {
    // equal rates give 0; the old table's strong-strong (.152/.726/.122 of 500) against the
    // course's
    // (.290/.412/.298) is far over the limit
    assertTrue(chiSquare(new long[] {145, 206, 149}, new long[] {290, 412, 298}) < 1e-9);
    assertTrue(
        chiSquare(new long[] {76, 363, 61}, new long[] {145, 206, 149}) > 5 * CHI_SQUARE_LIMIT);
    assertTrue(Math.abs(CHI_SQUARE_LIMIT - 16.59) < 0.01, "the 0.99975 quantile of chi-square(2)");
  }

  /** P1 win, draw and P2 win rates and the mean episode length of {@code EPISODES} episodes. */
  private double[] play(String left, String right) {
    ObjectNode config = type.config(Json.parse("{\"rounds\": 1, \"swap_sides\": false}"));
    int[] results = new int[3];
    speeds.clear();
    long steps = 0;
    for (int episode = 0; episode < EPISODES; episode++) {
      long seed = FIRST_SEED + episode;
      HockeyGame game = HockeyGame.startingOn(config, seed, episode % 2 == 0 ? 0 : 1);
      HouseBot one = type.houseBots().get(left).create(config, 0, 2 * seed);
      HouseBot two = type.houseBots().get(right).create(config, 1, 2 * seed + 1);
      while (!game.finished()) {
        game.apply(Map.of(0, one.act(game.observation(0)), 1, two.act(game.observation(1))));
        JsonNode obs = game.observation(0);
        speeds.add(Math.hypot(obs.get(14).doubleValue(), obs.get(15).doubleValue()));
      }
      steps += game.steps();
      List<Integer> winners = game.outcome().winners();
      results[winners.isEmpty() ? 1 : winners.get(0) == 0 ? 0 : 2]++;
    }
    return new double[] {
      results[0] / (double) EPISODES,
      results[1] / (double) EPISODES,
      results[2] / (double) EPISODES,
      steps / (double) EPISODES
    };
  }
}

package org.botarena.arena.evaluations;

import com.pocketcombats.openskill.math.Gaussian;
import java.util.List;

/**
 * The statistics of an evaluation (docs/ratings.md, "Evaluation runs"): a win rate's 95% Wilson
 * score interval, and the probability that one run's bot is the stronger of two runs on the same
 * suite.
 */
public final class EvaluationMaths {

  /** The standard normal's 97.5% quantile: a two-sided 95% interval. */
  static final double Z95 = 1.959963984540054;

  private EvaluationMaths() {}

  /** A bot's results against one opponent. */
  public record Tally(int wins, int draws, int losses) {
    public Tally {
      if (wins < 0 || draws < 0 || losses < 0) {
        throw new IllegalArgumentException("negative count: " + wins + "/" + draws + "/" + losses);
      }
    }

    public int games() {
      return wins + draws + losses;
    }
  }

  /** An interval of a proportion, both ends in [0, 1]. */
  public record Interval(double low, double high) {}

  /**
   * The 95% Wilson score interval of {@code wins} in {@code games}: unlike the normal
   * approximation, it stays inside [0, 1] and is sensible at 0 or {@code games} wins. Null for no
   * games.
   */
  public static Interval wilson(int wins, int games) {
    if (wins < 0 || wins > games) {
      throw new IllegalArgumentException(wins + " wins in " + games + " games");
    }
    if (games == 0) {
      return null;
    }
    double p = (double) wins / games;
    double z2 = Z95 * Z95;
    double centre = (p + z2 / (2.0 * games)) / (1 + z2 / games);
    double half =
        Z95 / (1 + z2 / games) * Math.sqrt(p * (1 - p) / games + z2 / (4.0 * games * games));
    return new Interval(Math.max(0, centre - half), Math.min(1, centre + half));
  }

  /**
   * The probability that the bot of {@code current} scores more on average over the suite than the
   * bot of {@code previous} (same opponents, same order). A game scores 1 for a win, 1/2 for a
   * draw; each opponent's expected score has a Beta posterior from a uniform prior, Beta(1 + W +
   * D/2, 1 + L + D/2); a run's suite score is the mean of those, taken as normal with the mean of
   * the means and the mean of the variances over K; the difference of the two runs is normal too.
   */
  public static double probabilityBetter(List<Tally> current, List<Tally> previous) {
    if (current.isEmpty() || current.size() != previous.size()) {
      throw new IllegalArgumentException(
          "two runs on one suite are compared: "
              + current.size()
              + " and "
              + previous.size()
              + " opponents");
    }
    Normal a = suiteScore(current);
    Normal b = suiteScore(previous);
    return Gaussian.cdf((a.mean - b.mean) / Math.sqrt(a.variance + b.variance));
  }

  private record Normal(double mean, double variance) {}

  private static Normal suiteScore(List<Tally> tallies) {
    double mean = 0;
    double variance = 0;
    for (Tally t : tallies) {
      double alpha = 1 + t.wins() + t.draws() / 2.0;
      double beta = 1 + t.losses() + t.draws() / 2.0;
      double sum = alpha + beta;
      mean += alpha / sum;
      variance += alpha * beta / (sum * sum * (sum + 1));
    }
    int k = tallies.size();
    return new Normal(mean / k, variance / ((double) k * k));
  }
}

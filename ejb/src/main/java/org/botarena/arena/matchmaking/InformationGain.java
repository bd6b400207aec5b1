package org.botarena.arena.matchmaking;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.botarena.arena.ratings.RatingCalculator;

/**
 * The pairs whose result would teach the ratings most: the expected information a game gives about
 * the two skills, that is the entropy the two Gaussian beliefs lose, the sum over both bots of
 * ln(sigma / sigma after), averaged over the outcomes (a win either way, a draw) with the model's
 * own probabilities. The new sigmas come from the real update ({@link RatingCalculator#rate}), so
 * the rule follows the rating model. Close pairs of uncertain bots gain most.
 *
 * <p>The information of a game shrinks as the ratings settle (0.065 nats for two new bots, a few
 * thousandths after 30 games), so a pass divides by its best pair's: the best pair scores 1, and
 * the threshold and the waiting bonus keep their meaning (a fifth of the best gain; 0.1 a minute).
 */
final class InformationGain implements PairQuality {

  @Override
  public Scores forPass(List<Pairing.Candidate> queue, RatingCalculator ratings) {
    Map<Pairing.Meeting, Double> gains = new HashMap<>();
    double best = 0;
    for (int i = 0; i < queue.size(); i++) {
      for (int j = i + 1; j < queue.size(); j++) {
        double gain = expectedGain(queue.get(i), queue.get(j), ratings);
        gains.put(Pairing.Meeting.of(queue.get(i).botId(), queue.get(j).botId()), gain);
        best = Math.max(best, gain);
      }
    }
    double scale = best > 0 ? best : 1;
    return (a, b) -> gains.get(Pairing.Meeting.of(a.botId(), b.botId())) / scale;
  }

  /** The expected information (nats) of one game of {@code a} against {@code b}. */
  static double expectedGain(Pairing.Candidate a, Pairing.Candidate b, RatingCalculator ratings) {
    double draw = ratings.drawProbability(a.mu(), a.sigma(), b.mu(), b.sigma());
    double aWins = (1 - draw) * ratings.winProbability(a.mu(), a.sigma(), b.mu(), b.sigma());
    double bWins = 1 - draw - aWins;
    return aWins * gain(a, b, 1, 2, ratings)
        + bWins * gain(a, b, 2, 1, ratings)
        + draw * gain(a, b, 1, 1, ratings);
  }

  private static double gain(
      Pairing.Candidate a, Pairing.Candidate b, int rankA, int rankB, RatingCalculator ratings) {
    // ids 0 and 1: the update needs distinct players, and candidates may carry any id
    Map<Long, RatingCalculator.Updated> after =
        ratings.rate(
            List.of(
                new RatingCalculator.Standing(0, a.mu(), a.sigma(), rankA),
                new RatingCalculator.Standing(1, b.mu(), b.sigma(), rankB)));
    return Math.log(a.sigma() / after.get(0L).sigma())
        + Math.log(b.sigma() / after.get(1L).sigma());
  }
}

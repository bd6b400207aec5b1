package org.botarena.arena.matchmaking;

import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.botarena.arena.ratings.RatingCalculator;

/**
 * comprl's "Gauss-Leaderboard" match quality: a Gaussian of the two bots' distance in places on the
 * leaderboard (mu - 3 sigma), exp(-d^2 / (2 w^2)), 1 for neighbours. Unlike the draw probability it
 * gives every bot, however far ahead, partners of high quality: the ratings decide only who they
 * are. The width w is comprl's default, 20 places. Places come from the candidates' {@link
 * Pairing.Candidate#leaderboardPosition()}; when a caller does not know them (0), the queue is
 * ranked among itself.
 */
final class GaussianLeaderboard implements PairQuality {

  /** comprl's {@code gauss_leaderboard_rater_sigma} default. */
  static final double WIDTH = 20;

  @Override
  public boolean readsLeaderboardPositions() {
    return true;
  }

  @Override
  public Scores forPass(List<Pairing.Candidate> queue, RatingCalculator ratings) {
    Map<Long, Integer> place = places(queue);
    return (a, b) -> {
      double distance = place.get(a.botId()) - place.get(b.botId());
      return Math.exp(-distance * distance / (2 * WIDTH * WIDTH));
    };
  }

  private static Map<Long, Integer> places(List<Pairing.Candidate> queue) {
    Map<Long, Integer> place = new HashMap<>();
    if (queue.stream().allMatch(c -> c.leaderboardPosition() > 0)) {
      queue.forEach(c -> place.put(c.botId(), c.leaderboardPosition()));
      return place;
    }
    List<Pairing.Candidate> ranked =
        queue.stream()
            .sorted(
                Comparator.comparingDouble((Pairing.Candidate c) -> c.mu() - 3 * c.sigma())
                    .reversed()
                    .thenComparingLong(Pairing.Candidate::botId))
            .toList();
    for (int i = 0; i < ranked.size(); i++) {
      place.put(ranked.get(i).botId(), i + 1);
    }
    return place;
  }
}

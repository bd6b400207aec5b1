package org.botarena.arena.matchmaking;

import java.util.List;
import org.botarena.arena.ratings.RatingCalculator;

/**
 * OpenSkill's draw probability of the two ratings (0.237 for two new bots, at most 0.49): close
 * matches first. The quality of {@code best-set} and {@code first-acceptable}.
 */
final class DrawProbability implements PairQuality {

  @Override
  public Scores forPass(List<Pairing.Candidate> queue, RatingCalculator ratings) {
    return (a, b) -> ratings.drawProbability(a.mu(), a.sigma(), b.mu(), b.sigma());
  }
}

package org.botarena.arena.matchmaking;

import java.util.List;
import org.botarena.arena.ratings.RatingCalculator;

/**
 * How good a pair is before the waiting bonus: the part of a pair's score that a pairing {@link
 * Pairing.Strategy} chooses. A pass asks once, with its whole queue, so that a rule may rank or
 * normalise over the queue (docs/ratings.md).
 */
public interface PairQuality {

  /** The qualities of one pass's pairs; larger is better. */
  @FunctionalInterface
  interface Scores {
    double of(Pairing.Candidate a, Pairing.Candidate b);
  }

  /** The qualities for this pass's queue (every candidate at most once). */
  Scores forPass(List<Pairing.Candidate> queue, RatingCalculator ratings);

  /**
   * Whether it reads {@link Pairing.Candidate#leaderboardPosition()} (a pass then looks them up).
   */
  default boolean readsLeaderboardPositions() {
    return false;
  }
}

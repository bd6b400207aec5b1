package org.botarena.arena.ratings;

import java.time.Duration;
import java.time.Instant;

/**
 * The uncertainty of a bot that has not played for a while grows back (up to the initial sigma), as
 * in Glicko: sigma' = sqrt(sigma^2 + perDay^2 x idle days). A leader that stops playing therefore
 * sinks on a leaderboard ranked by mu - 3 sigma instead of sitting on top forever; its next match
 * starts from the grown sigma, so it moves more. The stored sigma stays the one of the last match;
 * the growth is computed when read, so it never compounds. {@code perDay} 0 turns it off.
 */
public record SigmaGrowth(double perDay) {

  public SigmaGrowth {
    if (perDay < 0 || Double.isNaN(perDay)) {
      throw new IllegalArgumentException(
          "arena.ratings.sigma-growth-per-day must be >= 0, got " + perDay);
    }
  }

  /**
   * The sigma in force at {@code now} for a rating last changed at {@code ratedAt} (null: never).
   */
  public double sigma(double sigma, Instant ratedAt, Instant now) {
    if (perDay == 0 || ratedAt == null || !now.isAfter(ratedAt)) {
      return sigma;
    }
    double days = Duration.between(ratedAt, now).toMillis() / 86_400_000.0;
    return Math.min(
        Math.max(sigma, Rating.INITIAL_SIGMA), Math.sqrt(sigma * sigma + perDay * perDay * days));
  }
}

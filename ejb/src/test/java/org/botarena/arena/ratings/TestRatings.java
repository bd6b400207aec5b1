package org.botarena.arena.ratings;

import jakarta.persistence.EntityManager;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestRatings {

  private TestRatings() {}

  /** Ratings with house games rated and sigma growing 0.5 a day, as by default. */
  public static RatingService ratingService(EntityManager em) {
    RatingService r = new RatingService();
    r.em = em;
    r.houseGamesRated = true;
    r.sigmaGrowthPerDay = 0.5;
    return r;
  }

  public static LeaderboardService leaderboardService(EntityManager em) {
    LeaderboardService l = new LeaderboardService();
    l.em = em;
    l.sigmaGrowthPerDay = 0.5;
    return l;
  }
}

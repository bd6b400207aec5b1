package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.botarena.arena.ratings.RatingCalculator;
import org.junit.jupiter.api.Test;

class GaussianLeaderboardTest {

  private final Instant now = Instant.parse("2026-12-01T12:00:00Z");
  private final RatingCalculator ratings = new RatingCalculator();

  private Pairing.Candidate bot(long id, double mu, int place, int waitedMinutes) {
    return new Pairing.Candidate(id, mu, 1, now.minus(Duration.ofMinutes(waitedMinutes)), place);
  }

  private Pairing pairing(Pairing.Strategy strategy, double threshold) {
    return new Pairing(ratings, new Pairing.Settings(threshold, 0.1, 0, strategy));
  }

  @Test
  void theQualityIsAGaussianOfTheDistanceInPlaces() {
    Pairing.Candidate first = bot(1, 40, 1, 0);
    Pairing.Candidate second = bot(2, 39, 2, 0);
    Pairing.Candidate far = bot(3, 10, 21, 0);
    PairQuality.Scores scores =
        new GaussianLeaderboard().forPass(List.of(first, second, far), ratings);
    assertEquals(Math.exp(-1 / 800.0), scores.of(first, second), 1e-12);
    assertEquals(Math.exp(-0.5), scores.of(first, far), 1e-12, "20 places: one width");
    assertEquals(scores.of(far, first), scores.of(first, far), 1e-12);
  }

  /** comprl's reason: a leader far ahead has a draw probability near 0 with everybody. */
  private final List<Pairing.Candidate> leaderFarAhead =
      List.of(bot(1, 50, 1, 0), bot(2, 30, 2, 0), bot(3, 29, 3, 0), bot(4, 27, 4, 0));

  @Test
  void aLeaderFarAheadStillHasAPartnerItsNeighbour() {
    assertEquals(
        Set.of(Set.of(2L, 3L)),
        meetings(pairing(Pairing.Strategy.BEST_SET, 0.2).choose(leaderFarAhead, now)),
        "by draw probability the leader (20 points ahead) has nobody");
    assertEquals(
        Set.of(Set.of(1L, 2L), Set.of(3L, 4L)),
        meetings(pairing(Pairing.Strategy.GAUSSIAN_LEADERBOARD, 0.2).choose(leaderFarAhead, now)));
  }

  @Test
  void unknownPlacesAreTheQueuesOwnOrderByMuMinusThreeSigma() {
    List<Pairing.Candidate> unplaced =
        leaderFarAhead.stream()
            .map(c -> new Pairing.Candidate(c.botId(), c.mu(), c.sigma(), c.waitingSince()))
            .toList();
    assertEquals(
        Set.of(Set.of(1L, 2L), Set.of(3L, 4L)),
        meetings(pairing(Pairing.Strategy.GAUSSIAN_LEADERBOARD, 0.2).choose(unplaced, now)));
    PairQuality.Scores scores = new GaussianLeaderboard().forPass(unplaced, ratings);
    assertEquals(Math.exp(-9 / 800.0), scores.of(unplaced.get(0), unplaced.get(3)), 1e-12);
  }

  @Test
  void theWaitingBonusStillMatchesBotsFortyPlacesApart() {
    Pairing strict = pairing(Pairing.Strategy.GAUSSIAN_LEADERBOARD, 0.5);
    // quality exp(-2) = 0.135
    assertTrue(strict.choose(List.of(bot(1, 40, 1, 0), bot(2, 10, 41, 0)), now).isEmpty());
    List<Pairing.Pair> later = strict.choose(List.of(bot(1, 40, 1, 2), bot(2, 10, 41, 2)), now);
    assertEquals(1, later.size(), "four combined minutes add 0.4: 0.535 > 0.5");
    assertEquals(Math.exp(-2) + 0.4, later.get(0).score(), 1e-9);
  }

  static Set<Set<Long>> meetings(List<Pairing.Pair> pairs) {
    Set<Set<Long>> meetings = new HashSet<>();
    for (Pairing.Pair pair : pairs) {
      meetings.add(Set.of(pair.first().botId(), pair.second().botId()));
    }
    return meetings;
  }
}

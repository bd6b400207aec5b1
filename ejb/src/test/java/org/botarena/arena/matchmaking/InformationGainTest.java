package org.botarena.arena.matchmaking;

import static org.botarena.arena.matchmaking.GaussianLeaderboardTest.meetings;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botarena.arena.ratings.RatingCalculator;
import org.junit.jupiter.api.Test;

class InformationGainTest {

  private static final double NEW_SIGMA = 25.0 / 3;

  private final Instant now = Instant.parse("2026-12-01T12:00:00Z");
  private final RatingCalculator ratings = new RatingCalculator();

  private Pairing.Candidate bot(long id, double mu, double sigma, int waitedMinutes) {
    return new Pairing.Candidate(id, mu, sigma, now.minus(Duration.ofMinutes(waitedMinutes)));
  }

  private Pairing pairing(Pairing.Strategy strategy, double threshold) {
    return new Pairing(ratings, new Pairing.Settings(threshold, 0.1, 0, strategy));
  }

  @Test
  void theGainIsTheEntropyBothBeliefsLoseInTheRealUpdate() {
    Pairing.Candidate a = bot(1, 25, NEW_SIGMA, 0);
    Pairing.Candidate b = bot(2, 25, NEW_SIGMA, 0);
    // two new bots: a win either way (draws aside) shrinks each sigma alike
    Map<Long, RatingCalculator.Updated> won =
        ratings.rate(
            List.of(
                new RatingCalculator.Standing(1, 25, NEW_SIGMA, 1),
                new RatingCalculator.Standing(2, 25, NEW_SIGMA, 2)));
    double winGain =
        Math.log(NEW_SIGMA / won.get(1L).sigma()) + Math.log(NEW_SIGMA / won.get(2L).sigma());
    double expected = InformationGain.expectedGain(a, b, ratings);
    assertEquals(0.065, expected, 0.001, "the figure docs/ratings.md gives");
    assertEquals(winGain, expected, 0.005, "draws (24%) change it only a little");
    assertEquals(expected, InformationGain.expectedGain(b, a, ratings), 1e-12);
  }

  @Test
  void closePairsOfUncertainBotsTeachMost() {
    Pairing.Candidate a = bot(1, 25, 4, 0);
    double close = InformationGain.expectedGain(a, bot(2, 27, 4, 0), ratings);
    double far = InformationGain.expectedGain(a, bot(3, 40, 4, 0), ratings);
    double settled = InformationGain.expectedGain(bot(4, 25, 1, 0), bot(5, 27, 1, 0), ratings);
    assertTrue(close > far, close + " > " + far);
    assertTrue(close > settled, close + " > " + settled);
  }

  @Test
  void itPicksTheNewBotWhereTheDrawProbabilityPicksTheSettledPair() {
    // one pair of three: the two settled bots are the closest match, the new bot the one to learn
    List<Pairing.Candidate> three =
        List.of(bot(1, 25, NEW_SIGMA, 0), bot(2, 25, 1, 0), bot(3, 25, 1, 0));
    assertEquals(
        Set.of(Set.of(2L, 3L)),
        meetings(pairing(Pairing.Strategy.BEST_SET, 0.2).choose(three, now)));
    List<Pairing.Pair> informative =
        pairing(Pairing.Strategy.INFORMATION_GAIN, 0.2).choose(three, now);
    assertEquals(1, informative.size());
    assertTrue(meetings(informative).iterator().next().contains(1L), meetings(informative) + "");
    assertEquals(1, informative.get(0).score(), 1e-9, "the pass's best pair scores 1");
  }

  @Test
  void theWaitingBonusStillMatchesTwoSettledBotsFarApart() {
    Pairing strict = pairing(Pairing.Strategy.INFORMATION_GAIN, 0.5);
    List<Pairing.Candidate> fresh =
        List.of(
            bot(1, 25, NEW_SIGMA, 0), bot(2, 25, NEW_SIGMA, 0), bot(3, 45, 1, 0), bot(4, 5, 1, 0));
    assertEquals(Set.of(Set.of(1L, 2L)), meetings(strict.choose(fresh, now)));
    List<Pairing.Candidate> waited =
        List.of(
            bot(1, 25, NEW_SIGMA, 0), bot(2, 25, NEW_SIGMA, 0), bot(3, 45, 1, 3), bot(4, 5, 1, 3));
    Set<Set<Long>> later = meetings(strict.choose(waited, now));
    assertEquals(2, later.size(), "six combined minutes (0.6) bring the two in: " + later);
  }
}

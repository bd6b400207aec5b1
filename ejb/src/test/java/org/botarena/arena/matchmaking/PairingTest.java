package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.botarena.arena.ratings.RatingCalculator;
import org.junit.jupiter.api.Test;

class PairingTest {

  private final Instant now = Instant.parse("2026-11-22T12:00:00Z");
  private final Pairing pairing =
      new Pairing(new RatingCalculator(), new Pairing.Settings(0.3, 0.1));

  private Pairing.Candidate bot(long id, double mu, double sigma, int waitedMinutes) {
    return new Pairing.Candidate(id, mu, sigma, now.minus(Duration.ofMinutes(waitedMinutes)));
  }

  @Test
  void closeRatingsArePairedBeforeDistantOnes() {
    List<Pairing.Pair> pairs =
        pairing.choose(
            List.of(bot(1, 40, 1, 0), bot(2, 10, 1, 0), bot(3, 39.5, 1, 0), bot(4, 10.5, 1, 0)),
            now);
    assertEquals(2, pairs.size());
    Set<Set<Long>> chosen =
        Set.of(
            Set.of(pairs.get(0).first().botId(), pairs.get(0).second().botId()),
            Set.of(pairs.get(1).first().botId(), pairs.get(1).second().botId()));
    assertEquals(Set.of(Set.of(1L, 3L), Set.of(2L, 4L)), chosen);
  }

  @Test
  void aMismatchIsRefusedUntilTheWaitingBonusLiftsIt() {
    Pairing.Candidate strong = bot(1, 45, 1, 0);
    Pairing.Candidate weak = bot(2, 5, 1, 0);
    assertTrue(pairing.choose(List.of(strong, weak), now).isEmpty(), "no acceptable pair at first");
    List<Pairing.Pair> later = pairing.choose(List.of(bot(1, 45, 1, 2), bot(2, 5, 1, 2)), now);
    assertEquals(1, later.size(), "four combined waiting minutes are worth 0.4 > threshold");
  }

  @Test
  void aBotIsNeverInTwoPairsAndNeverMeetsItself() {
    List<Pairing.Pair> pairs =
        pairing.choose(List.of(bot(1, 25, 1, 0), bot(2, 25, 1, 0), bot(3, 25, 1, 0)), now);
    assertEquals(1, pairs.size());
    assertTrue(pairs.get(0).first().botId() != pairs.get(0).second().botId());
  }

  /** Draw probabilities with sigma 1: AB .482, AC and BD .466, AD and BC .439, CD .367. */
  private final List<Pairing.Candidate> chain =
      List.of(bot(1, 25, 1, 0), bot(2, 26, 1, 0), bot(3, 23, 1, 0), bot(4, 28, 1, 0));

  @Test
  void theBestSetOfPairsBeatsTakingTheBestPairFirst() {
    Pairing strict =
        new Pairing(
            new RatingCalculator(), new Pairing.Settings(0.45, 0.1, 0, Pairing.Strategy.BEST_SET));
    List<Pairing.Pair> pairs = strict.choose(chain, now);
    // greedy would take 1-2 (the single best pair) and leave 3 and 4 without an acceptable partner
    assertEquals(Set.of(Set.of(1L, 3L), Set.of(2L, 4L)), meetings(pairs));
  }

  @Test
  void firstAcceptablePairsTheLongestWaitingBotWithItsFirstAcceptablePartner() {
    List<Pairing.Candidate> queue =
        List.of(bot(1, 25, 1, 3), bot(2, 26, 1, 0), bot(3, 23, 1, 1), bot(4, 28, 1, 0));
    Pairing first =
        new Pairing(
            new RatingCalculator(),
            new Pairing.Settings(0.45, 0.001, 0, Pairing.Strategy.FIRST_ACCEPTABLE));
    // bot 1 waited longest, bot 3 next: 1 takes 3 although 2 would be the closer match
    assertEquals(Set.of(Set.of(1L, 3L), Set.of(2L, 4L)), meetings(first.choose(queue, now)));
    List<Pairing.Candidate> reordered =
        List.of(bot(1, 25, 1, 3), bot(2, 26, 1, 1), bot(3, 23, 1, 0), bot(4, 28, 1, 0));
    assertEquals(Set.of(Set.of(1L, 2L)), meetings(first.choose(reordered, now)));
  }

  @Test
  void aShareOfTheOnlineBotsIsKeptWaiting() {
    Pairing keeping =
        new Pairing(
            new RatingCalculator(),
            new Pairing.Settings(0.3, 0.1, 0.25, Pairing.Strategy.BEST_SET));
    List<Pairing.Candidate> six =
        List.of(
            bot(1, 25, 1, 0),
            bot(2, 25, 1, 0),
            bot(3, 30, 1, 0),
            bot(4, 30, 1, 0),
            bot(5, 35, 1, 0),
            bot(6, 35, 1, 0));
    // 12 online, a quarter (3) kept waiting: of 6 waiting, one pair goes, the best one
    List<Pairing.Pair> pairs = keeping.choose(six, 12, Set.of(), now);
    assertEquals(1, pairs.size());
    // 6 online: one kept (a quarter, rounded down), so two pairs of the three
    assertEquals(2, keeping.choose(six, 6, Set.of(), now).size());
  }

  @Test
  void theKeptShareHoldsABotBackOnlyThroughTheAllowedPasses() {
    Pairing keeping =
        new Pairing(
            new RatingCalculator(),
            new Pairing.Settings(0.3, 0.1, 0.25, Pairing.Strategy.BEST_SET));
    Instant previousPass = now.minusSeconds(1);
    Instant sinceIt = now.minusMillis(500);
    Instant beforeIt = now.minusSeconds(2);
    // four equal bots (the best pairs) and four a point apart (worse ones); 8 online, 2 to keep
    double[] mus = {25, 25, 25, 25, 30, 31, 40, 41};
    List<Pairing.Candidate> fresh = new java.util.ArrayList<>();
    List<Pairing.Candidate> someSeen = new java.util.ArrayList<>();
    for (int k = 0; k < mus.length; k++) {
      fresh.add(new Pairing.Candidate(k + 1, mus[k], 1, sinceIt));
      // bots 5..8 were waiting at the previous pass already
      someSeen.add(new Pairing.Candidate(k + 1, mus[k], 1, k < 4 ? sinceIt : beforeIt));
    }
    assertEquals(
        Set.of(Set.of(1L, 2L), Set.of(3L, 4L), Set.of(5L, 6L)),
        meetings(keeping.choose(someSeen, 8, Set.of(), now)),
        "no limit: the worst pair is kept waiting");
    assertEquals(
        Set.of(Set.of(1L, 2L), Set.of(3L, 4L), Set.of(5L, 6L)),
        meetings(keeping.choose(fresh, 8, Set.of(), previousPass, now)),
        "all arrived since the previous pass: the same");
    Set<Set<Long>> pairs = meetings(keeping.choose(someSeen, 8, Set.of(), previousPass, now));
    assertEquals(3, pairs.size(), pairs.toString());
    assertTrue(
        pairs.containsAll(Set.of(Set.of(5L, 6L), Set.of(7L, 8L))),
        "those kept through a pass already play; a pair of new ones waits instead: " + pairs);
  }

  @Test
  void theLimitCountsTheArenasEarlierPasses() {
    List<Instant> earlier = List.of(now.minusSeconds(1), now.minusSeconds(2), now.minusSeconds(3));
    assertEquals(null, Pairing.keepableAfter(earlier, 0), "0: no limit");
    assertEquals(now.minusSeconds(1), Pairing.keepableAfter(earlier, 1));
    assertEquals(now.minusSeconds(3), Pairing.keepableAfter(earlier, 3));
    assertEquals(null, Pairing.keepableAfter(earlier, 4), "nobody has waited through four yet");
    assertEquals(null, Pairing.keepableAfter(List.of(), 1), "a new leader knows no pass");
  }

  @Test
  void tiesFallTheSameWayEveryTime() {
    // eight equal bots, two kept waiting: which three of the four matched pairs go is a tie; it
    // once followed the identity hashes of the matching's edges and changed from call to call
    Pairing keeping =
        new Pairing(
            new RatingCalculator(),
            new Pairing.Settings(0.2, 0.1, 0.25, Pairing.Strategy.BEST_SET));
    List<Pairing.Candidate> eight = new java.util.ArrayList<>();
    for (long id = 1; id <= 8; id++) {
      eight.add(bot(id, 25, 25.0 / 3, 0));
    }
    List<Pairing.Pair> first = keeping.choose(eight, 8, Set.of(), now);
    assertEquals(3, first.size());
    for (int i = 0; i < 50; i++) {
      assertEquals(first, keeping.choose(eight, 8, Set.of(), now), "call " + i);
    }
  }

  @Test
  void botsThatJustMetWaitForOthersUnlessNobodyElseIsThere() {
    Set<Pairing.Meeting> cooling = Set.of(Pairing.Meeting.of(2, 1));
    List<Pairing.Pair> pairs =
        pairing.choose(
            List.of(bot(1, 25, 1, 0), bot(2, 25, 1, 0), bot(3, 27, 1, 0), bot(4, 27, 1, 0)),
            4,
            cooling,
            now);
    assertEquals(2, pairs.size());
    assertFalse(meetings(pairs).contains(Set.of(1L, 2L)), "1 and 2 just met: " + meetings(pairs));
    List<Pairing.Pair> alone =
        pairing.choose(List.of(bot(1, 25, 1, 0), bot(2, 25, 1, 0)), 2, cooling, now);
    assertEquals(Set.of(Set.of(1L, 2L)), meetings(alone), "nobody else: they meet again");
  }

  @Test
  void strategiesAreReadFromConfiguration() {
    assertEquals(Pairing.Strategy.BEST_SET, Pairing.Strategy.of("best-set"));
    assertEquals(Pairing.Strategy.FIRST_ACCEPTABLE, Pairing.Strategy.of(" First-Acceptable "));
    IllegalArgumentException e =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> Pairing.Strategy.of("best"));
    assertTrue(
        e.getMessage().contains("best-set, first-acceptable, gaussian-leaderboard or"),
        e.getMessage());
    for (Pairing.Strategy strategy : Pairing.Strategy.values()) {
      assertEquals(strategy, Pairing.Strategy.of(strategy.configName()));
    }
    assertEquals(Pairing.Strategy.INFORMATION_GAIN, Pairing.Strategy.of("information-gain"));
  }

  private static Set<Set<Long>> meetings(List<Pairing.Pair> pairs) {
    Set<Set<Long>> meetings = new java.util.HashSet<>();
    for (Pairing.Pair pair : pairs) {
      meetings.add(Set.of(pair.first().botId(), pair.second().botId()));
    }
    return meetings;
  }
}

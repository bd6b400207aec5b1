package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.botarena.arena.domain.rating.RatingCalculator;
import org.junit.jupiter.api.Test;

class PairingTest {

  private final Instant now = Instant.parse("2026-11-22T12:00:00Z");
  private final Pairing pairing = new Pairing(new RatingCalculator(), new Pairing.Settings(0.3, 0.1));

  private Pairing.Candidate bot(long id, double mu, double sigma, int waitedMinutes) {
    return new Pairing.Candidate(id, mu, sigma, now.minus(Duration.ofMinutes(waitedMinutes)));
  }

  @Test
  void closeRatingsArePairedBeforeDistantOnes() {
    List<Pairing.Pair> pairs = pairing.choose(List.of(
        bot(1, 40, 1, 0), bot(2, 10, 1, 0), bot(3, 39.5, 1, 0), bot(4, 10.5, 1, 0)), now);
    assertEquals(2, pairs.size());
    Set<Set<Long>> chosen = Set.of(
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
    List<Pairing.Pair> pairs = pairing.choose(List.of(bot(1, 25, 8, 0), bot(2, 25, 8, 0), bot(3, 25, 8, 0)), now);
    assertEquals(1, pairs.size());
    assertTrue(pairs.get(0).first().botId() != pairs.get(0).second().botId());
  }
}

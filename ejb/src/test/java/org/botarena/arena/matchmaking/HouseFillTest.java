package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.botarena.arena.ratings.RatingCalculator;
import org.junit.jupiter.api.Test;

class HouseFillTest {

  private final Instant now = Instant.parse("2026-11-24T12:00:00Z");
  private final HouseFill fill =
      new HouseFill(new RatingCalculator(), new HouseFill.Settings(4, Duration.ofSeconds(5)));
  private final List<HouseFill.House> houses =
      List.of(new HouseFill.House(100, 15, 2), new HouseFill.House(101, 35, 2));

  private Pairing.Candidate waiting(long id, double mu, int seconds) {
    return new Pairing.Candidate(id, mu, 2, now.minusSeconds(seconds));
  }

  @Test
  void aBotThatWaitedGetsTheHouseBotClosestToItsRating() {
    List<HouseFill.Fill> fills =
        fill.choose(List.of(waiting(1, 33, 6), waiting(2, 14, 10)), houses, 2, now);
    assertEquals(List.of(new HouseFill.Fill(1, 101), new HouseFill.Fill(2, 100)), fills);
  }

  @Test
  void aBotGetsTimeToFindARealOpponentFirst() {
    assertEquals(List.of(), fill.choose(List.of(waiting(1, 25, 4)), houses, 1, now));
  }

  @Test
  void noFillWhenEnoughBotsAreOnlineOrNoHouseBotIsConfigured() {
    assertEquals(List.of(), fill.choose(List.of(waiting(1, 25, 60)), houses, 4, now));
    assertEquals(List.of(), fill.choose(List.of(waiting(1, 25, 60)), List.of(), 1, now));
  }
}

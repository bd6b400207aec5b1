package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

class CoolDownTest {

  private final Instant now = Instant.parse("2026-12-01T12:00:00Z");

  @Test
  void inGamesAPairCoolsUntilEachOfItsBotsPlayedThatManyOthers() {
    CoolDown two = new CoolDown(0, 2);
    // bot 1 played 3, then 4, then 2 (latest first: 2, 4, 3); bot 5 played 6 only
    Set<Pairing.Meeting> cooling = two.byGames(Map.of(1L, List.of(2L, 4L, 3L), 5L, List.of(6L)));
    assertEquals(
        Set.of(Pairing.Meeting.of(1, 2), Pairing.Meeting.of(1, 4), Pairing.Meeting.of(5, 6)),
        cooling,
        "1 played two games since meeting 3: 3 is free again");
  }

  @Test
  void eitherBotsGamesKeepThePairCooling() {
    // 1 played two others since it met 2, but 2 has played nothing since: still cooling
    Set<Pairing.Meeting> cooling =
        new CoolDown(0, 2).byGames(Map.of(1L, List.of(7L, 8L, 2L), 2L, List.of(1L)));
    assertTrue(cooling.contains(Pairing.Meeting.of(2, 1)), cooling.toString());
  }

  @Test
  void zeroIsOff() {
    assertEquals(Set.of(), new CoolDown(60, 0).byGames(Map.of(1L, List.of(2L))));
    assertFalse(new CoolDown(0, 3).withinSeconds(now.minusSeconds(1), now));
  }

  @Test
  void inSecondsAPairCoolsForThatLong() {
    CoolDown minute = new CoolDown(60, 0);
    assertTrue(minute.withinSeconds(now.minusSeconds(59), now));
    assertFalse(minute.withinSeconds(now.minusSeconds(60), now));
  }
}

package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An arena's settings in force: its own over the operator's. */
class TrainingSettingsTest {

  /** The shipped defaults (microprofile-config.properties). */
  private static final Map<String, String> OPERATOR =
      Map.ofEntries(
          Map.entry("arena.matchmaking.interval-ms", "1000"),
          Map.entry("arena.matchmaking.threshold", "0.2"),
          Map.entry("arena.matchmaking.waiting-bonus-per-minute", "0.1"),
          Map.entry("arena.matchmaking.strategy", "best-set"),
          Map.entry("arena.matchmaking.keep-waiting-share", "0.1"),
          Map.entry("arena.matchmaking.keep-waiting-passes", "1"),
          Map.entry("arena.matchmaking.cool-down-games", "3"),
          Map.entry("arena.matchmaking.cool-down-seconds", "0"),
          Map.entry("arena.matchmaking.house-fill.bots", "strong"),
          Map.entry("arena.matchmaking.house-fill.min-online", "4"),
          Map.entry("arena.matchmaking.house-fill.after-seconds", "5"));

  @Test
  void theOperatorsValuesHoldWhereTheArenaSetsNone() {
    TrainingSettings s = TrainingSettings.of("simple", Map.of(), OPERATOR::get);
    assertEquals(1000, s.intervalMs());
    assertEquals(new Pairing.Settings(0.2, 0.1, 0.1, Pairing.Strategy.BEST_SET), s.pairing());
    assertEquals(1, s.keepWaitingPasses());
    assertEquals(new CoolDown(0, 3), s.coolDown());
    assertEquals("strong", s.houseBots(), "as before: a list may name bots only some games have");
    assertEquals(new HouseFill.Settings(4, Duration.ofSeconds(5)), s.houseFill());
  }

  @Test
  void theArenasOwnValuesWin() {
    TrainingSettings s =
        TrainingSettings.of(
            "rps",
            Map.of(
                "interval-ms", "200",
                "threshold", "0.4",
                "strategy", "first-acceptable",
                "house-fill.after-seconds", "1"),
            OPERATOR::get);
    assertEquals(200, s.intervalMs());
    assertEquals(0.4, s.pairing().threshold());
    assertEquals(Pairing.Strategy.FIRST_ACCEPTABLE, s.pairing().strategy());
    assertEquals(Duration.ofSeconds(1), s.houseFill().after());
    assertEquals("200", s.values().get("interval-ms"));
  }

  @Test
  void aStoredValueThatBreaksTheRuleIsNamed() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> TrainingSettings.of("rps", Map.of("threshold", "7"), OPERATOR::get));
    assertEquals(
        "'threshold' must be a number from 0 to 1, got '7' (out of range).", e.getMessage());
  }
}

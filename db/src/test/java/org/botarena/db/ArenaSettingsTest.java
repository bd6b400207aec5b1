package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** The rule for a training arena's settings, shared by the admin page and the CLI. */
class ArenaSettingsTest {

  @Test
  void goodValuesComeBackInTheirCanonicalForm() {
    assertEquals("0.3", ArenaSettings.normalize("simple", "threshold", " 0.30 "));
    assertEquals("250", ArenaSettings.normalize("simple", "interval-ms", "250"));
    assertEquals(
        "first-acceptable", ArenaSettings.normalize("rps", "strategy", "First-Acceptable"));
    assertEquals("none", ArenaSettings.normalize("hockey", "house-fill.bots", "NONE"));
    assertEquals("strong", ArenaSettings.normalize("hockey", "house-fill.bots", " strong "));
    assertEquals(
        "{\"deadline_ms\":500}",
        ArenaSettings.normalize("simple", ArenaSettings.CONFIG, "{ \"deadline_ms\": 500 }"));
    assertEquals("{}", ArenaSettings.normalize("simple", ArenaSettings.CONFIG, ""));
  }

  @Test
  void badValuesAreRefusedWithTheKeyTheRuleAndTheValue() {
    assertRefused(
        "'threshold' must be a number from 0 to 1, got 'high'", "simple", "threshold", "high");
    assertRefused(
        "'threshold' must be a number from 0 to 1, got '1.5'", "simple", "threshold", "1.5");
    assertRefused(
        "'threshold' must be a number from 0 to 1, got 'NaN'", "simple", "threshold", "NaN");
    assertRefused(
        "'interval-ms' must be a whole number from 50 to 60000, got '10'",
        "simple",
        "interval-ms",
        "10");
    assertRefused(
        "'cool-down-seconds' must be a whole number from 0 to 86400, got '1.5'",
        "simple",
        "cool-down-seconds",
        "1.5");
    assertRefused(
        "'cool-down-games' must be a whole number from 0 to 20, got '21' (out of range)",
        "simple",
        "cool-down-games",
        "21");
    assertRefused(
        "'keep-waiting-passes' must be a whole number from 0 to 10, got '-1' (out of range)",
        "simple",
        "keep-waiting-passes",
        "-1");
    assertEquals("5", ArenaSettings.normalize("simple", "cool-down-games", " 5 "));
    assertRefused(
        "first-acceptable, gaussian-leaderboard or information-gain",
        "simple",
        "strategy",
        "random");
    assertEquals(
        "information-gain", ArenaSettings.normalize("simple", "strategy", "Information-Gain"));
    assertRefused("hockey has no house bot 'greedy'", "hockey", "house-fill.bots", "strong,greedy");
    assertRefused("No arena setting 'speed'; the settings are interval-ms", "simple", "speed", "1");
    assertRefused("No game 'chess'; the games are", "chess", "threshold", "0.2");
    assertRefused("The simple config is refused", "simple", ArenaSettings.CONFIG, "{\"nope\":1}");
    assertRefused(
        "'deadline_ms' must be a whole number",
        "simple",
        ArenaSettings.CONFIG,
        "{\"deadline_ms\":0}");
    assertRefused("The config is not JSON", "simple", ArenaSettings.CONFIG, "{");
  }

  @Test
  void aGroupOfChangesIsCheckedAsOne() {
    assertEquals(
        Map.of("threshold", "0.25", "cool-down-seconds", "0"),
        ArenaSettings.normalizeAll("rps", Map.of("threshold", ".25", "cool-down-seconds", "0")));
    assertThrows(
        IllegalArgumentException.class,
        () -> ArenaSettings.normalizeAll("rps", Map.of("threshold", ".25", "interval-ms", "x")));
  }

  @Test
  void anAssignmentIsKeyEqualsValue() {
    assertEquals(
        Map.entry("config", "{\"a\":\"=\"}"), ArenaSettings.assignment("config={\"a\":\"=\"}"));
    assertEquals(Map.entry("threshold", ""), ArenaSettings.assignment("threshold="));
    assertThrows(IllegalArgumentException.class, () -> ArenaSettings.assignment("threshold"));
    assertThrows(IllegalArgumentException.class, () -> ArenaSettings.assignment("=3"));
  }

  @Test
  void everyKeyHasItsDefaultInMicroProfileConfig() {
    for (ArenaSettings.Key key : ArenaSettings.keys()) {
      assertTrue(key.configKey().startsWith("arena.matchmaking."), key.configKey());
    }
    assertEquals(
        "own", ArenaSettings.effective("threshold", Map.of("threshold", "own"), k -> "op"));
    assertEquals("op", ArenaSettings.effective("threshold", Map.of(), k -> "op"));
  }

  private static void assertRefused(String says, String game, String key, String value) {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> ArenaSettings.normalize(game, key, value));
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }
}

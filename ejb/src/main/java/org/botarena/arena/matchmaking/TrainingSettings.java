package org.botarena.arena.matchmaking;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.botarena.db.ArenaSettings;

/**
 * A training arena's matchmaking settings in force: its own ({@code arenas.settings}, set by an
 * admin) over the operator's MicroProfile Config values. The leader builds them afresh at each
 * pass, so a change applies without a restart. {@link ArenaSettings} has the keys and their rule.
 */
public record TrainingSettings(
    int intervalMs,
    Pairing.Settings pairing,
    int keepWaitingPasses,
    CoolDown coolDown,
    String houseBots,
    HouseFill.Settings houseFill,
    Map<String, String> values) {

  /**
   * The settings from an arena's own values and the defaults ({@code defaults} maps a key's full
   * MicroProfile Config name to its value). A stored value that does not pass the rule (set by hand
   * in SQL, say) is an {@link IllegalArgumentException} naming it.
   */
  public static TrainingSettings of(
      String gameType, Map<String, String> own, UnaryOperator<String> defaults) {
    Map<String, String> values = new LinkedHashMap<>();
    for (ArenaSettings.Key key : ArenaSettings.keys()) {
      String value = own.get(key.name());
      // the arena's own values passed the rule when they were stored (checked again here: SQL by
      // hand); the operator's are taken as they always were (a house bot list may name bots that
      // only some games have)
      values.put(
          key.name(),
          value != null
              ? ArenaSettings.normalize(gameType, key.name(), value)
              : defaults.apply(key.configKey()).strip());
    }
    return new TrainingSettings(
        Integer.parseInt(values.get("interval-ms")),
        new Pairing.Settings(
            Double.parseDouble(values.get("threshold")),
            Double.parseDouble(values.get("waiting-bonus-per-minute")),
            Double.parseDouble(values.get("keep-waiting-share")),
            Pairing.Strategy.of(values.get("strategy"))),
        Integer.parseInt(values.get("keep-waiting-passes")),
        new CoolDown(
            Integer.parseInt(values.get("cool-down-seconds")),
            Integer.parseInt(values.get("cool-down-games"))),
        values.get("house-fill.bots"),
        new HouseFill.Settings(
            Integer.parseInt(values.get("house-fill.min-online")),
            Duration.ofSeconds(Integer.parseInt(values.get("house-fill.after-seconds")))),
        Map.copyOf(values));
  }
}

package org.botarena.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Optional;

/**
 * The platform's keys in a match config, beside the game's own: time per step, missed deadlines
 * that forfeit, and (debug games) whether to hold the game before its first step. A {@code
 * game_start} frame's {@code config} carries the first two; a client hands the game only {@link
 * #gameConfig the rest}.
 */
public final class PlatformConfig {

  public static final String DEADLINE_MS = "deadline_ms";
  public static final String MAX_TIMEOUTS = "max_timeouts";
  public static final String START_PAUSED = "start_paused";
  public static final List<String> KEYS = List.of(DEADLINE_MS, MAX_TIMEOUTS, START_PAUSED);

  /**
   * The longest time per step a config may ask for: a minute is enough for a human stepping a bot
   * through a game (a debug game can also be held between steps), and keeps a silent bot's game
   * from holding its seats for hours.
   */
  public static final int MAX_DEADLINE_MS = 60_000;

  /** The most missed deadlines in a row a config may allow before a forfeit. */
  public static final int MAX_MAX_TIMEOUTS = 20;

  private PlatformConfig() {}

  /**
   * What is wrong with the config's platform keys ({@code deadline_ms} and {@code max_timeouts}
   * whole numbers from 1 to their maxima), naming the key and its range; empty when nothing is.
   */
  public static Optional<String> problem(JsonNode config) {
    if (config == null || !config.isObject()) {
      return Optional.empty();
    }
    String deadline = outOfRange(config, DEADLINE_MS, MAX_DEADLINE_MS);
    return Optional.ofNullable(
        deadline != null ? deadline : outOfRange(config, MAX_TIMEOUTS, MAX_MAX_TIMEOUTS));
  }

  private static String outOfRange(JsonNode config, String key, int max) {
    JsonNode v = config.get(key);
    if (v == null
        || (v.isIntegralNumber() && v.canConvertToLong() && v.asLong() >= 1 && v.asLong() <= max)) {
      return null;
    }
    return "'" + key + "' must be a whole number from 1 to " + max + ", got " + v;
  }

  /**
   * A platform key's value from the config kept within 1 and its maximum (a config that was never
   * checked, e.g. stored before the maxima), or {@code defaultValue} (the operator's) when absent.
   */
  public static int bounded(JsonNode config, String key, int defaultValue) {
    int max = DEADLINE_MS.equals(key) ? MAX_DEADLINE_MS : MAX_MAX_TIMEOUTS;
    JsonNode v = config == null ? null : config.get(key);
    if (v == null || !v.isNumber()) {
      return Math.max(1, defaultValue);
    }
    return (int) Math.max(1, Math.min(max, v.asLong()));
  }

  /** The config without the platform's keys: what the game itself is configured with. */
  public static JsonNode gameConfig(JsonNode config) {
    if (config == null || !config.isObject()) {
      return config; // the game type says what is wrong with it
    }
    ObjectNode game = ((ObjectNode) config).deepCopy();
    KEYS.forEach(game::remove);
    return game;
  }

  /** The game's config with the step rules, as bots are told it in {@code game_start}. */
  public static ObjectNode told(JsonNode gameConfig, int deadlineMs, int maxTimeouts) {
    ObjectNode told =
        gameConfig != null && gameConfig.isObject()
            ? ((ObjectNode) gameConfig).deepCopy()
            : Json.object();
    return told.put(DEADLINE_MS, deadlineMs).put(MAX_TIMEOUTS, maxTimeouts);
  }
}

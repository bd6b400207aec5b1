package org.botarena.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The platform's keys in a match config, beside the game's own: time per step, missed deadlines
 * that forfeit, and (debug games) whether to hold the game before its first step. A
 * {@code game_start} frame's {@code config} carries the first two; a client hands the game only
 * {@link #gameConfig the rest}.
 */
public final class PlatformConfig {

  public static final String DEADLINE_MS = "deadline_ms";
  public static final String MAX_TIMEOUTS = "max_timeouts";
  public static final String START_PAUSED = "start_paused";
  public static final List<String> KEYS = List.of(DEADLINE_MS, MAX_TIMEOUTS, START_PAUSED);

  private PlatformConfig() {}

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
    ObjectNode told = gameConfig != null && gameConfig.isObject()
        ? ((ObjectNode) gameConfig).deepCopy() : Json.object();
    return told.put(DEADLINE_MS, deadlineMs).put(MAX_TIMEOUTS, maxTimeouts);
  }
}

package org.botarena.arena.play;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;

/**
 * The platform's keys of a match config, beside the game's own: time per step, missed deadlines
 * that forfeit, and (debug games) whether to hold the game before its first step.
 */
public final class MatchConfig {

  public static final String DEADLINE = "deadline_ms";
  public static final String MAX_TIMEOUTS = "max_timeouts";
  public static final String START_PAUSED = "start_paused";
  public static final List<String> KEYS = List.of(DEADLINE, MAX_TIMEOUTS, START_PAUSED);

  private MatchConfig() {}

  /** The match config without the platform's keys: what the game itself is configured with. */
  public static JsonNode gameConfig(JsonNode config) {
    if (!config.isObject()) {
      return config; // the game type says what is wrong with it
    }
    ObjectNode game = ((ObjectNode) config).deepCopy();
    KEYS.forEach(game::remove);
    return game;
  }
}

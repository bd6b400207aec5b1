package org.botarena.jobs.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.botarena.arena.play.MatchConfig;
import org.botarena.games.Json;

/**
 * How long a bot has for each step and how many missed deadlines in a row forfeit the game. These
 * are the platform's keys of a match config; the rest of the config belongs to the game.
 *
 * @param deadlineMs time per step
 * @param maxTimeouts consecutive misses that forfeit (the no-op action is played until then)
 */
record StepPolicy(int deadlineMs, int maxTimeouts) {

  /** A match config may override the platform defaults with {@code deadline_ms} and {@code max_timeouts}. */
  static StepPolicy of(JsonNode config, StepPolicy defaults) {
    int deadline = config.path(MatchConfig.DEADLINE).asInt(defaults.deadlineMs());
    int timeouts = config.path(MatchConfig.MAX_TIMEOUTS).asInt(defaults.maxTimeouts());
    return new StepPolicy(Math.max(1, deadline), Math.max(1, timeouts));
  }

  /** Whether a debug game's config asks to hold it before its first step (to step it from the start). */
  static boolean startPaused(JsonNode config) {
    return config.path(MatchConfig.START_PAUSED).asBoolean(false);
  }

  /** The game's config with this policy, as bots are told it in {@code game_start}. */
  ObjectNode describe(JsonNode gameConfig) {
    ObjectNode told = gameConfig.isObject() ? ((ObjectNode) gameConfig).deepCopy() : Json.object();
    return told.put(MatchConfig.DEADLINE, deadlineMs).put(MatchConfig.MAX_TIMEOUTS, maxTimeouts);
  }
}

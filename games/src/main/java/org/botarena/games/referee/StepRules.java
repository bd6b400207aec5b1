package org.botarena.games.referee;

import com.fasterxml.jackson.databind.JsonNode;
import org.botarena.protocol.Limits;
import org.botarena.protocol.PlatformConfig;

/**
 * How long a bot has for each step and how many missed deadlines in a row forfeit the game.
 *
 * @param deadlineMs time per step
 * @param maxTimeouts consecutive misses that forfeit (the game's no-op is played until then)
 */
public record StepRules(int deadlineMs, int maxTimeouts) {

  public StepRules {
    if (deadlineMs < 1 || maxTimeouts < 1) {
      throw new IllegalArgumentException("a deadline and the timeouts allowed must be at least 1");
    }
  }

  /** A deadline with the protocol's default of timeouts allowed in a row. */
  public static StepRules deadline(int deadlineMs) {
    return new StepRules(deadlineMs, Limits.DEFAULT_MAX_TIMEOUTS);
  }

  /**
   * A match config's {@code deadline_ms} and {@code max_timeouts}, where given, over the defaults;
   * each kept within 1 and its maximum in {@link PlatformConfig} (the debug arena refuses a config
   * beyond them; a match stored before they were checked is played within them).
   */
  public static StepRules of(JsonNode config, StepRules defaults) {
    return new StepRules(
        PlatformConfig.bounded(config, PlatformConfig.DEADLINE_MS, defaults.deadlineMs()),
        PlatformConfig.bounded(config, PlatformConfig.MAX_TIMEOUTS, defaults.maxTimeouts()));
  }

  /** Whether a (debug) game's config asks to hold it before its first step. */
  public static boolean startPaused(JsonNode config) {
    return config != null && config.path(PlatformConfig.START_PAUSED).asBoolean(false);
  }
}

package org.botarena.jobs.runner;

/**
 * How long a bot has for each step and how many missed deadlines in a row forfeit the game.
 *
 * @param deadlineMs time per step
 * @param maxTimeouts consecutive misses that forfeit (the no-op action is played until then)
 */
record StepPolicy(int deadlineMs, int maxTimeouts) {

  /** The game's config may override the platform defaults with {@code deadline_ms} and {@code max_timeouts}. */
  static StepPolicy of(com.fasterxml.jackson.databind.JsonNode config, StepPolicy defaults) {
    int deadline = config.path("deadline_ms").asInt(defaults.deadlineMs());
    int timeouts = config.path("max_timeouts").asInt(defaults.maxTimeouts());
    return new StepPolicy(Math.max(1, deadline), Math.max(1, timeouts));
  }
}

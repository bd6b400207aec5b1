package org.botarena.arena.ratings;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How much a match's points are worth, from the arena's age when it was scheduled: a win later in
 * the arena's life counts more, so the weighted points favour bots that are good now over bots that
 * were good early on. {@code constant}: 1; {@code linear}: 1 + rate x days; {@code exponential}: (1
 * + rate) ^ days.
 *
 * @param function constant, linear or exponential
 * @param ratePerDay the growth per day of the arena's life
 */
public record TimeWeight(String function, double ratePerDay) {

  public TimeWeight {
    function = function.trim().toLowerCase(Locale.ROOT);
    if (!function.equals("constant")
        && !function.equals("linear")
        && !function.equals("exponential")) {
      throw new IllegalArgumentException(
          "arena.ratings.time-weight is constant, linear or exponential, got '" + function + "'");
    }
    if (ratePerDay < 0 || Double.isNaN(ratePerDay)) {
      throw new IllegalArgumentException(
          "arena.ratings.time-weight.rate-per-day must be >= 0, got " + ratePerDay);
    }
  }

  /** The weight of a match scheduled at {@code when} in an arena created at {@code arenaStart}. */
  public double of(Instant arenaStart, Instant when) {
    double days = Math.max(0, Duration.between(arenaStart, when).toMillis()) / 86_400_000.0;
    return switch (function) {
      case "linear" -> 1 + ratePerDay * days;
      case "exponential" -> Math.pow(1 + ratePerDay, days);
      default -> 1;
    };
  }
}

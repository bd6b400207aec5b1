package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * The config key {@code initial_state}: 18 numbers in the layout of the course env's {@code
 * set_state}, which is player one's (the left side's) observation: each paddle's x, y (relative to
 * the table's centre), angle, vx, vy and angular velocity, player one's first; the puck's x, y, vx,
 * vy; player one's and player two's hold timers. Every value is bounded, so that no config can ask
 * the physics for unbounded work or feed it infinities.
 */
final class InitialState {

  static final int SIZE = 18;
  private static final double MAX_SPEED = 100;
  private static final double MAX_SPIN = 100;

  private static final String[] NAMES = {
    "player one's x",
    "player one's y",
    "player one's angle",
    "player one's vx",
    "player one's vy",
    "player one's angular velocity",
    "player two's x",
    "player two's y",
    "player two's angle",
    "player two's vx",
    "player two's vy",
    "player two's angular velocity",
    "the puck's x",
    "the puck's y",
    "the puck's vx",
    "the puck's vy",
    "player one's hold timer",
    "player two's hold timer"
  };

  private InitialState() {}

  /** The values, or an {@link IllegalArgumentException} that says which one is wrong and why. */
  static double[] parse(JsonNode json) {
    if (!json.isArray() || json.size() != SIZE) {
      String got =
          json.isArray()
              ? "an array of " + json.size() + " values"
              : json.getNodeType().toString().toLowerCase();
      throw new IllegalArgumentException(
          "config "
              + HockeyConfig.INITIAL_STATE
              + " must be an array of "
              + SIZE
              + " numbers (set_state's layout: p1 x, y, angle, vx, vy, angular velocity; the same "
              + "for p2; puck x, y, vx, vy; p1's and p2's hold timers), got "
              + got);
    }
    double[] values = new double[SIZE];
    for (int i = 0; i < SIZE; i++) {
      JsonNode value = json.get(i);
      double limit = limit(i);
      boolean timer = i >= 16;
      boolean number = value.isNumber() && Double.isFinite(value.doubleValue());
      boolean ok =
          number
              && Math.abs(value.doubleValue()) <= limit
              && (!timer
                  || (value.doubleValue() >= 0
                      && value.doubleValue() == Math.rint(value.doubleValue())));
      if (!ok) {
        String range =
            timer
                ? "an integer in 0.." + (int) limit
                : "a finite number in -" + format(limit) + ".." + format(limit);
        String got = value.toString();
        throw new IllegalArgumentException(
            "config "
                + HockeyConfig.INITIAL_STATE
                + "["
                + i
                + "] ("
                + NAMES[i]
                + ") must be "
                + range
                + ", got "
                + (got.length() <= 40 ? got : got.substring(0, 37) + "..."));
      }
      values[i] = value.doubleValue();
    }
    return values;
  }

  /** Positions within the table's outline, angles within half a turn, bounded speeds and timers. */
  private static double limit(int i) {
    if (i >= 16) {
      return Table.KEEP_STEPS;
    }
    if (i >= 12) {
      return i == 12 ? Table.WIDTH / 2 : i == 13 ? Table.HEIGHT / 2 : MAX_SPEED;
    }
    return switch (i % 6) {
      case 0 -> Table.WIDTH / 2;
      case 1 -> Table.HEIGHT / 2;
      case 2 -> Math.PI;
      case 3, 4 -> MAX_SPEED;
      default -> MAX_SPIN;
    };
  }

  private static String format(double limit) {
    return limit == Math.rint(limit) ? String.valueOf((long) limit) : String.format("%.4f", limit);
  }
}

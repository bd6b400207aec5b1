package org.botarena.games.hockey;

/**
 * The line a basic opponent defends, 210 px in front of the centre line toward its own goal, in a
 * side's own frame (relative to the centre, attacking toward +x).
 */
final class DefenceLine {

  static final double X = -Table.BACK_LIMIT;

  /** How far from the centre the puck's centre can go before it bounces off a side wall. */
  private static final double REACH =
      Table.HEIGHT / 2
          - Table.SIDE_WALL_Y
          - Table.SIDE_WALL_HALF_THICKNESS_PX / Table.SCALE
          - Table.PUCK_RADIUS;

  private static final double APPROACHING = -0.5;
  private static final int MAX_BOUNCES = 4;

  private DefenceLine() {}

  /**
   * The height at which a puck at (x, y) moving with (vx, vy) will cross the line, reflected off
   * the side walls; its current height when it is not approaching.
   */
  static double crossing(double x, double y, double vx, double vy) {
    if (vx >= APPROACHING || x <= X) {
      return y;
    }
    double height = y + vy * (x - X) / -vx;
    for (int bounce = 0; bounce < MAX_BOUNCES && Math.abs(height) > REACH; bounce++) {
      height = Math.signum(height) * 2 * REACH - height;
    }
    return Math.max(-REACH, Math.min(REACH, height));
  }
}

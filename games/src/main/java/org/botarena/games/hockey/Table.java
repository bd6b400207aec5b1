package org.botarena.games.hockey;

/**
 * The numbers of the course environment, in world units (60 px per unit) unless a name says px.
 * Side 0 is player one (left, attacking to the right); side 1 is player two (right).
 */
final class Table {

  static final float SCALE = 60f;
  static final float WIDTH = 600f / SCALE;
  static final float HEIGHT = 480f / SCALE;
  static final float CENTRE_X = WIDTH / 2;
  static final float CENTRE_Y = HEIGHT / 2;

  static final float TIME_STEP = 1f / 50f;
  static final int VELOCITY_ITERATIONS = 180;
  static final int POSITION_ITERATIONS = 60;

  /** Goal posts (the end walls' inner faces) from the centre, and the goal mouth's half height. */
  static final float GOAL_LINE = 245f / SCALE;
  static final float GOAL_HALF_HEIGHT = 75f / SCALE;
  /** The goal sensor: inner edge just outside 255 px from the centre, 10 px half width. */
  static final float GOAL_SENSOR_X = 265f / SCALE;
  static final float GOAL_SENSOR_HALF_WIDTH = 10f / SCALE;
  /** The back wall behind each goal, so that a fast puck stops inside the sensor. */
  static final float GOAL_BACK = 275f / SCALE;
  static final float WALL_THICKNESS = 0.5f;

  /** Paddle outline in px before the 1.2 scaling, for player one (front face toward +x). */
  static final float[][] PADDLE_PX = {
    {-10, 20}, {5, 20}, {5, -20}, {-10, -20}, {-18, -10}, {-21, 0}, {-18, 10}
  };
  static final float PADDLE_SCALE = 1.2f;
  static final float PADDLE_DENSITY = 200f / 1.2f;
  static final float PADDLE_FRICTION = 1f;
  static final float PADDLE_RESTITUTION = 0f;

  static final float PUCK_RADIUS = 13f / SCALE;
  static final float PUCK_DENSITY = 7f;
  static final float PUCK_FRICTION = 0.1f;
  static final float PUCK_RESTITUTION = 0.95f;
  static final float PUCK_DAMPING = 0.05f;
  static final float PUCK_FAST_DAMPING = 10f;
  static final float PUCK_SPEED_CAP = 25f;
  static final float WALL_FRICTION = 0.1f;

  static final float FORCE = 6000f;
  static final float TORQUE = 400f;
  static final float PADDLE_SPEED_CAP = 10f;
  static final float PADDLE_DAMPING = 5f;
  static final float PADDLE_BRAKE_DAMPING = 20f;
  /** The zone around the centre line no paddle may enter. */
  static final float CENTRE_ZONE = WIDTH / 20;
  /** How far behind the centre line toward its own goal a paddle may go. */
  static final float BACK_LIMIT = 210f / SCALE;
  /** How close to the top or bottom wall a paddle may come. */
  static final float WALL_MARGIN = 1.2f;
  static final float MAX_ANGLE = (float) (Math.PI / 3);
  static final float ANGULAR_DAMPING = 2f;
  static final float ANGULAR_BRAKE_DAMPING = 10f;

  /** Keep-puck mode: steps a paddle may hold the puck, and the speed a shot adds. */
  static final int KEEP_STEPS = 15;
  static final float KEEP_MAX_AWAY_SPEED = 0.1f;
  static final float SHOT_SPEED = 60f;

  private Table() {}

  /** +1 for side 0, -1 for side 1: multiplies x to turn a side's own frame into the world's. */
  static float sign(int side) {
    return side == 0 ? 1f : -1f;
  }
}

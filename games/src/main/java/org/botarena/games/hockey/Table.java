package org.botarena.games.hockey;

/**
 * The numbers of the course environment, in world units (60 px per unit) unless a name says px.
 * Side 0 is player one (left, attacking to the right); side 1 is player two (right). Thresholds the
 * course compares in double precision are doubles here, so that a float position on the boundary
 * falls on the same side as there.
 */
final class Table {

  static final double SCALE = 60.0;
  static final double WIDTH = 600 / SCALE;
  static final double HEIGHT = 480 / SCALE;
  static final double CENTRE_X = WIDTH / 2;
  static final double CENTRE_Y = HEIGHT / 2;

  static final double TIME_STEP = 1.0 / 50;
  static final int VELOCITY_ITERATIONS = 180;
  static final int POSITION_ITERATIONS = 60;

  /** Top and bottom walls: bodies centred at y = 0.5 and H - 0.5, 250 px by 10 px half-extents. */
  static final double SIDE_WALL_Y = 0.5;

  static final double SIDE_WALL_HALF_LENGTH_PX = 250;
  static final double SIDE_WALL_HALF_THICKNESS_PX = 10;

  /** End walls: bodies at 245 px from the centre, 10 px half-thickness (inner faces at 235 px). */
  static final double END_WALL_X_PX = 245;

  static final double END_WALL_HALF_THICKNESS_PX = 10;

  /** The goal mouth's half height; a post's tip reaches it on the outer face, 7 px less inside. */
  static final double GOAL_HALF_HEIGHT_PX = 75;

  static final double POST_SLANT_PX = 7;

  /** How far an end wall reaches below its body's centre (into the side wall). */
  static final double POST_FOOT_PX = 5;

  /** Each goal: a 20 x 150 px box centred 255 px from the centre (spanning 245-265 px). */
  static final double GOAL_X_PX = 255;

  static final double GOAL_HALF_WIDTH_PX = 10;
  static final float WALL_FRICTION = 0.1f;

  /**
   * Collision categories and masks as the course sets them (the puck passes the goals' solid part).
   */
  static final int PUCK_BITS = 0x001;

  static final int PUCK_MASK = 0x010;
  static final int PADDLE_BITS = 0x010;
  static final int PADDLE_MASK = 0x011;
  static final int WALL_BITS = 0x011;
  static final int WALL_MASK = 0x011;
  static final int GOAL_SENSOR_BITS = 0x010;
  static final int GOAL_SENSOR_MASK = 0x001;
  static final int GOAL_SOLID_BITS = 0x010;
  static final int GOAL_SOLID_MASK = 0x010;

  /** Paddle outline in px before the 1.2 scaling, for player one (front face toward +x). */
  static final double[][] PADDLE_PX = {
    {-10, 20}, {5, 20}, {5, -20}, {-10, -20}, {-18, -10}, {-21, 0}, {-18, 10}
  };

  static final double PADDLE_SCALE = 1.2;
  static final float PADDLE_DENSITY = (float) (200.0 / PADDLE_SCALE);
  static final float PADDLE_FRICTION = 1f;
  static final float PADDLE_RESTITUTION = 0f;

  static final double PUCK_RADIUS = 13 / SCALE;
  static final float PUCK_DENSITY = 7f;
  static final float PUCK_FRICTION = 0.1f;
  static final float PUCK_RESTITUTION = 0.95f;
  static final float PUCK_DAMPING = 0.05f;
  static final float PUCK_FAST_DAMPING = 10f;
  static final double PUCK_SPEED_CAP = 25;

  static final float FORCE = 6000f;
  static final float TORQUE = 400f;
  static final double PADDLE_SPEED_CAP = 10;
  static final float PADDLE_DAMPING = 5f;
  static final float PADDLE_BRAKE_DAMPING = 20f;

  /** The zone around the centre line no paddle may enter. */
  static final double CENTRE_ZONE = WIDTH / 20;

  /** How far behind the centre line toward its own goal a paddle may go. */
  static final double BACK_LIMIT = 210 / SCALE;

  /** How close to the top or bottom wall a paddle may come. */
  static final double WALL_MARGIN = 1.2;

  static final double MAX_ANGLE = Math.PI / 3;

  /** Beyond the rotation limit: the restoring torque's factor (times mass / time step). */
  static final double RESTORING = 0.1;

  static final float ANGULAR_DAMPING = 2f;
  static final float ANGULAR_BRAKE_DAMPING = 10f;

  /** Keep-puck mode: steps a paddle may hold the puck, and the speed a shot adds. */
  static final int KEEP_STEPS = 15;

  static final double KEEP_MAX_AWAY_SPEED = 0.1;
  static final double SHOT_SPEED = 60;

  /**
   * Steps of a round: the course's env is done once its counter, read before it is incremented,
   * reaches 250 (80 in the training modes), so a round has one step more.
   */
  static final int NORMAL_STEPS = 251;

  static final int TRAINING_STEPS = 81;

  private Table() {}

  /** +1 for side 0, -1 for side 1: multiplies x to turn a side's own frame into the world's. */
  static float sign(int side) {
    return side == 0 ? 1f : -1f;
  }
}

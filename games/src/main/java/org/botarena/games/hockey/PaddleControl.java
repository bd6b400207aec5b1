package org.botarena.games.hockey;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/**
 * Turns one side's action into force, torque and damping on its paddle, with the course's rules: a
 * braking force in the zone around the centre line, a speed cap, no going further back than 210 px
 * behind the centre line, no coming within 1.2 units of the top or bottom wall, and a restoring
 * torque beyond the rotation limit. The order of the checks and the float/double precision of each
 * number follow the course's environment, so that a step lands on the same side of every threshold.
 */
final class PaddleControl {

  private PaddleControl() {}

  /** {@code action} is {@link HockeyAction} form: force x, force y, torque, in the side's frame. */
  static void drive(Body paddle, float[] action, int side) {
    translate(paddle, action[0], action[1], side);
    rotate(paddle, action[2]);
  }

  private static void translate(Body paddle, float ax, float ay, int side) {
    float sign = Table.sign(side);
    float fx = sign * ax * Table.FORCE;
    float fy = sign * ay * Table.FORCE;
    Vec2 velocity = paddle.getLinearVelocity();
    double vx = velocity.x;
    double vy = velocity.y;
    double speed = Math.sqrt(vx * vx + vy * vy);
    double x = paddle.getPosition().x;
    double mass = paddle.getMass();
    // x from the centre line in the side's own frame: negative in its own half
    double ownX = sign * (x - Table.CENTRE_X);
    if (ownX > -Table.CENTRE_ZONE) {
      // braked in proportion to its velocity and pushed back; damping 20; no speed cap (each
      // product in the course's order, v x m / dt: another order rounds differently now and then)
      fx = sign * vx > 0 ? (float) (-2 * vx * mass / Table.TIME_STEP) : 0f;
      fx += (float) (-sign * (x - Table.CENTRE_X) * vx * mass / Table.TIME_STEP);
      paddle.setLinearDamping(Table.PADDLE_BRAKE_DAMPING);
      apply(paddle, fx, fy, side);
      return;
    }
    if (speed < Table.PADDLE_SPEED_CAP) {
      paddle.setLinearDamping(Table.PADDLE_DAMPING);
      apply(paddle, fx, fy, side);
      return;
    }
    // over the cap: only a force that does not add speed applies
    paddle.setLinearDamping(Table.PADDLE_BRAKE_DAMPING);
    float dt = (float) Table.TIME_STEP;
    float floatMass = paddle.getMass();
    double nextX = vx + (dt * fx) / floatMass;
    double nextY = vy + (dt * fy) / floatMass;
    if (Math.sqrt(nextX * nextX + nextY * nextY) < speed) {
      apply(paddle, fx, fy, side);
    }
  }

  /**
   * Applies the force after the course's boundary checks: a paddle pushing past its back limit or
   * across the centre line, or toward a wall within the margin, loses that velocity component and
   * that force component.
   */
  private static void apply(Body paddle, float fx, float fy, int side) {
    float sign = Table.sign(side);
    Vec2 position = paddle.getPosition();
    Vec2 velocity = paddle.getLinearVelocity();
    double ownX = sign * (position.x - Table.CENTRE_X);
    boolean tooFarBack = ownX < -Table.BACK_LIMIT && sign * fx < 0;
    boolean acrossCentre = ownX > 0 && sign * fx > 0;
    if (tooFarBack || acrossCentre) {
      velocity.x = 0;
      fx = -0f;
    }
    boolean top = position.y > Table.HEIGHT - Table.WALL_MARGIN && fy > 0;
    boolean bottom = position.y < Table.WALL_MARGIN && fy < 0;
    if (top || bottom) {
      velocity.y = 0;
      fy = -0f;
    }
    paddle.applyForceToCenter(new Vec2(fx, fy));
  }

  /** Beyond +-60 degrees a restoring torque replaces the action's, against stronger damping. */
  private static void rotate(Body paddle, float action) {
    float torque = action * Table.TORQUE;
    double angle = paddle.getAngle();
    if (Math.abs(angle) > Table.MAX_ANGLE) {
      double spin = paddle.getAngularVelocity();
      double mass = paddle.getMass();
      double restoring = angle * spin > 0 ? -Table.RESTORING * spin * mass / Table.TIME_STEP : 0;
      restoring += -Table.RESTORING * angle * mass / Table.TIME_STEP;
      torque = (float) restoring;
      paddle.setAngularDamping(Table.ANGULAR_BRAKE_DAMPING);
    } else {
      paddle.setAngularDamping(Table.ANGULAR_DAMPING);
    }
    paddle.applyTorque(torque);
  }
}

package org.botarena.games.hockey;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/**
 * Turns one side's action into force, torque and damping on its paddle, with the course's limits:
 * a speed cap, no entering the zone around the centre line, no going further back than 210 px
 * behind it, no coming within 1.2 units of the top or bottom wall, and a rotation limit.
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
    Vec2 force = new Vec2(sign * ax * Table.FORCE, sign * ay * Table.FORCE);
    Vec2 velocity = new Vec2(paddle.getLinearVelocity());
    Vec2 position = paddle.getPosition();
    // x measured from the centre line in the side's own frame: negative in its own half
    float ownX = sign * (position.x - Table.CENTRE_X);
    boolean inCentreZone = ownX > -Table.CENTRE_ZONE;
    if (inCentreZone) {
      // pushed back toward its own half, and braked
      if (sign * velocity.x > 0) {
        velocity.x = 0;
      }
      force.x = -sign * Table.FORCE;
    } else if (ownX < -Table.BACK_LIMIT) {
      if (sign * velocity.x < 0) {
        velocity.x = 0;
      }
      if (sign * force.x < 0) {
        force.x = 0;
      }
    }
    if (position.y > Table.HEIGHT - Table.WALL_MARGIN) {
      velocity.y = Math.min(velocity.y, 0);
      force.y = Math.min(force.y, 0);
    } else if (position.y < Table.WALL_MARGIN) {
      velocity.y = Math.max(velocity.y, 0);
      force.y = Math.max(force.y, 0);
    }
    paddle.setLinearVelocity(velocity);
    applyWithSpeedCap(paddle, force, velocity, inCentreZone);
  }

  /** Under the cap the force applies; over it only a force that does not add speed does. */
  private static void applyWithSpeedCap(Body paddle, Vec2 force, Vec2 velocity, boolean braking) {
    float speed = velocity.length();
    if (speed < Table.PADDLE_SPEED_CAP && !braking) {
      paddle.setLinearDamping(Table.PADDLE_DAMPING);
      paddle.applyForceToCenter(force);
      return;
    }
    paddle.setLinearDamping(Table.PADDLE_BRAKE_DAMPING);
    float stepPerMass = Table.TIME_STEP / paddle.getMass();
    Vec2 next = new Vec2(velocity.x + force.x * stepPerMass, velocity.y + force.y * stepPerMass);
    if (braking || next.length() < speed) {
      paddle.applyForceToCenter(force);
    }
  }

  /** Beyond +-60 degrees the torque only turns the paddle back, against stronger damping. */
  private static void rotate(Body paddle, float action) {
    float torque = action * Table.TORQUE;
    float angle = paddle.getAngle();
    if (Math.abs(angle) > Table.MAX_ANGLE) {
      torque = -Math.signum(angle) * Math.abs(torque);
      paddle.setAngularDamping(Table.ANGULAR_BRAKE_DAMPING);
    } else {
      paddle.setAngularDamping(Table.ANGULAR_DAMPING);
    }
    paddle.applyTorque(torque);
  }
}

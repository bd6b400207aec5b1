package org.botarena.games.hockey;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/**
 * Advances a {@link TableState} by one 1/50 s step for the two sides' actions, in the course
 * environment's order: both paddles' forces and torques, the puck's damping (from its speed before
 * anything else moves it), the keep-puck rule (a held puck is put at the paddle's centre with the
 * paddle's velocity, and shot when its timer runs out or its holder shoots), then the Box2D step,
 * during which a paddle that begins to touch an approaching puck catches it.
 */
final class HockeyPhysics {

  private final HockeyWorld world = new HockeyWorld();
  private final boolean keepMode;

  HockeyPhysics(boolean keepMode) {
    this.keepMode = keepMode;
  }

  /** Steps {@code table} in place; {@code actions} are by side, as {@link HockeyAction#parse}. */
  StepEvents step(TableState table, float[][] actions) {
    world.rebuild(table);
    for (int side = 0; side < 2; side++) {
      PaddleControl.drive(world.paddles[side], actions[side], side);
    }
    Body puck = world.puck;
    Vec2 velocity = puck.getLinearVelocity();
    double speed = Math.sqrt((double) velocity.x * velocity.x + (double) velocity.y * velocity.y);
    puck.setLinearDamping(
        speed > Table.PUCK_SPEED_CAP ? Table.PUCK_FAST_DAMPING : Table.PUCK_DAMPING);
    if (table.kickX != 0 || table.kickY != 0) {
      puck.applyForceToCenter(new Vec2(table.kickX, table.kickY));
      table.kickX = 0;
      table.kickY = 0;
    }
    boolean[] shots = keepMode ? holdOrShoot(table, actions) : new boolean[2];
    world.step((float) Table.TIME_STEP, Table.VELOCITY_ITERATIONS, Table.POSITION_ITERATIONS);
    for (int side = 0; side < 2; side++) {
      table.paddles[side].readFrom(world.paddles[side]);
    }
    table.puck.readFrom(puck);
    boolean[] catches = keepMode ? catches(table) : new boolean[2];
    for (int side = 0; side < 2; side++) {
      table.touching[side] = world.watch.touched[side];
    }
    table.impulses = world.impulses();
    return new StepEvents(world.watch.goalOf, shots, catches);
  }

  /**
   * A held puck sits at its paddle's centre (origin) until the timer runs out or the side shoots.
   */
  private boolean[] holdOrShoot(TableState table, float[][] actions) {
    boolean[] shots = new boolean[2];
    for (int side = 0; side < 2; side++) {
      if (table.timers[side] <= 1) {
        continue;
      }
      Body paddle = world.paddles[side];
      world.puck.setTransform(paddle.getPosition(), world.puck.getAngle());
      world.puck.setLinearVelocity(paddle.getLinearVelocity());
      table.timers[side]--;
      if (table.timers[side] == 1
          || actions[side][HockeyAction.SHOOT] > HockeyAction.SHOOT_THRESHOLD) {
        shoot(paddle, side);
        table.timers[side] = 0;
        shots[side] = true;
      }
    }
    return shots;
  }

  /**
   * A force that adds {@link Table#SHOT_SPEED} to the puck in one step, along the paddle's facing:
   * the course's {@code b2Vec2(cos a, sin a) * mass / timeStep * 60}, each product and quotient in
   * float as pybox2d's vector operators compute them (one rounding of the double product, as
   * version 3 had it, was a float's last bit off the course's shot now and then). StrictMath: the
   * same bits on every machine, so replays verify anywhere.
   */
  private void shoot(Body paddle, int side) {
    double angle = paddle.getAngle();
    float sign = Table.sign(side);
    float mass = world.puck.getMass();
    float dt = (float) Table.TIME_STEP;
    float speed = (float) Table.SHOT_SPEED;
    float x = (float) (StrictMath.cos(angle) * sign);
    float y = (float) (StrictMath.sin(angle) * sign);
    world.puck.applyForceToCenter(new Vec2(x * mass / dt * speed, y * mass / dt * speed));
  }

  /**
   * A side catches the puck when its paddle began to touch it in this step (it did not touch it in
   * the last one) while the puck was not moving away, and the side does not hold it already.
   */
  private boolean[] catches(TableState table) {
    boolean[] caught = new boolean[2];
    ContactWatch watch = world.watch;
    for (int side = 0; side < 2; side++) {
      if (watch.touched[side]
          && !table.touching[side]
          && watch.approaching[side]
          && table.timers[side] == 0) {
        table.timers[side] = Table.KEEP_STEPS;
        caught[side] = true;
      }
    }
    return caught;
  }
}

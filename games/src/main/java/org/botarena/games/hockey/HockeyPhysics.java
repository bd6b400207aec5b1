package org.botarena.games.hockey;

import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/** Advances a {@link TableState} by one 1/50 s step for the two sides' actions. */
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
    boolean[] shots = keepMode ? holdOrShoot(table, actions) : new boolean[2];
    Body puck = world.puck;
    puck.setLinearDamping(puck.getLinearVelocity().length() > Table.PUCK_SPEED_CAP
        ? Table.PUCK_FAST_DAMPING : Table.PUCK_DAMPING);
    world.step(Table.TIME_STEP, Table.VELOCITY_ITERATIONS, Table.POSITION_ITERATIONS);
    for (int side = 0; side < 2; side++) {
      table.paddles[side].readFrom(world.paddles[side]);
    }
    table.puck.readFrom(puck);
    boolean[] catches = keepMode ? catches(table, shots) : new boolean[2];
    return new StepEvents(world.watch.goalOf, shots, catches);
  }

  /** A held puck moves with its paddle until the timer runs out or the side shoots. */
  private boolean[] holdOrShoot(TableState table, float[][] actions) {
    boolean[] shots = new boolean[2];
    for (int side = 0; side < 2; side++) {
      if (table.timers[side] <= 1) {
        continue;
      }
      Body paddle = world.paddles[side];
      world.puck.setLinearVelocity(paddle.getLinearVelocity());
      table.timers[side]--;
      if (table.timers[side] == 1 || actions[side][HockeyAction.SHOOT] > HockeyAction.SHOOT_THRESHOLD) {
        shoot(paddle, side);
        table.timers[side] = 0;
        shots[side] = true;
      }
    }
    return shots;
  }

  /** A force that adds {@link Table#SHOT_SPEED} to the puck in one step, along the paddle's facing. */
  private void shoot(Body paddle, int side) {
    float angle = paddle.getAngle();
    float sign = Table.sign(side);
    float strength = world.puck.getMass() / Table.TIME_STEP * Table.SHOT_SPEED;
    world.puck.applyForceToCenter(new Vec2(
        sign * (float) StrictMath.cos(angle) * strength, sign * (float) StrictMath.sin(angle) * strength));
  }

  /** A side catches when it touched an approaching puck, did not just shoot, and nobody holds it. */
  private boolean[] catches(TableState table, boolean[] shots) {
    boolean[] caught = new boolean[2];
    boolean free = table.timers[0] == 0 && table.timers[1] == 0;
    boolean[] touched = world.watch.caughtBy;
    if (free && touched[0] != touched[1]) {
      int side = touched[0] ? 0 : 1;
      if (!shots[side]) {
        table.timers[side] = Table.KEEP_STEPS;
        caught[side] = true;
      }
    }
    return caught;
  }
}

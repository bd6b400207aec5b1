package org.botarena.games.hockey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class HockeyPhysicsTest {

  /**
   * The table turned half a circle: side 0 becomes side 1 and every position and velocity flips.
   */
  private static TableState mirrored(TableState table) {
    TableState m = new TableState();
    m.paddles[0] = mirrored(table.paddles[1]);
    m.paddles[1] = mirrored(table.paddles[0]);
    m.puck = mirrored(table.puck);
    m.timers[0] = table.timers[1];
    m.timers[1] = table.timers[0];
    return m;
  }

  private static BodyState mirrored(BodyState body) {
    BodyState m = new BodyState((float) (Table.WIDTH - body.x), (float) (Table.HEIGHT - body.y));
    m.angle = body.angle;
    m.vx = -body.vx;
    m.vy = -body.vy;
    m.spin = body.spin;
    return m;
  }

  private static float[] randomAction(SplittableRandom random) {
    return new float[] {
      (float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1),
      (float) random.nextDouble(-1, 1), (float) random.nextDouble(-1, 1)
    };
  }

  @Test
  void theTableIsSymmetricForTheTwoSides() {
    SplittableRandom random = new SplittableRandom(7);
    TableState table = TableState.start(4.2f, 4.3f);
    TableState mirror = mirrored(table);
    HockeyPhysics physics = new HockeyPhysics(true);
    HockeyPhysics mirrorPhysics = new HockeyPhysics(true);
    double worst = 0;
    for (int step = 0; step < 60; step++) {
      float[] left = randomAction(random);
      float[] right = randomAction(random);
      StepEvents events = physics.step(table, new float[][] {left, right});
      StepEvents mirrorEvents = mirrorPhysics.step(mirror, new float[][] {right, left});
      TableState expected = mirrored(table);
      for (int side = 0; side < 2; side++) {
        worst = Math.max(worst, distance(expected.paddles[side], mirror.paddles[side]));
        assertEquals(expected.timers[side], mirror.timers[side], "timers at step " + step);
      }
      worst = Math.max(worst, distance(expected.puck, mirror.puck));
      assertEquals(events.goalOf() < 0 ? -1 : 1 - events.goalOf(), mirrorEvents.goalOf());
    }
    assertTrue(worst < 1e-2, "the mirrored game drifted by " + worst);
  }

  private static double distance(BodyState a, BodyState b) {
    return Math.max(
        Math.max(Math.abs(a.x - b.x), Math.abs(a.y - b.y)),
        Math.max(Math.abs(a.vx - b.vx), Math.abs(a.vy - b.vy)));
  }
}

package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;

/**
 * House bots for hockey: random actions; the course's basic opponent ({@code weak} and {@code
 * strong}, as the course's {@code BasicOpponent(weak=True)} and {@code (weak=False)}); and {@code
 * interceptor}, our variant of the strong one that defends where an approaching puck will cross its
 * defence line.
 */
final class HockeyHouseBots {

  private HockeyHouseBots() {}

  /** Uniform actions in [-1, 1]; shoots whenever the fourth value happens to exceed 0.5. */
  static final class Uniform implements HouseBot {
    private final SplittableRandom random;

    Uniform(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      return Json.array().add(next()).add(next()).add(next()).add(next());
    }

    private double next() {
      return random.nextDouble(-1.0, 1.0);
    }
  }

  /**
   * The course's basic opponent: a PD controller toward a target chosen from the puck's position
   * and velocity, with an oscillating paddle angle; it shoots a held puck once its timer is below 7
   * (held for more than 8 steps). Weak and strong differ only in the proportional gain (0.5 or 10).
   * With {@code intercept} (our {@code interceptor}) it defends at the height where an approaching
   * puck will cross its defence line (see {@link DefenceLine}) instead of the puck's current
   * height.
   */
  static final class Basic implements HouseBot {
    static final double WEAK_GAIN = 0.5;
    static final double STRONG_GAIN = 10;
    private static final double DERIVATIVE_GAIN = 0.5;
    private static final double SLOW_PUCK = 30.0 / Table.SCALE;
    private static final double LEVEL = 30.0 / Table.SCALE;
    private static final double KICK_THROUGH = 0.2;
    private static final double LEAD = 0.1;
    private static final double[] BRAKE_TIME = {0.1, 0.1, 1.0};

    private final SplittableRandom random;
    private final double[] gains;
    private final boolean intercept;
    private final boolean keepMode;
    private double phase;

    Basic(double gain, boolean intercept, boolean keepMode, long seed) {
      this.gains = new double[] {gain, gain / 5, gain / 2};
      this.intercept = intercept;
      this.keepMode = keepMode;
      this.random = new SplittableRandom(seed);
      this.phase = random.nextDouble(0, Math.PI);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      double[] obs = new double[HockeyObservation.SIZE];
      for (int i = 0; i < obs.length; i++) {
        obs[i] = observation.get(i).doubleValue();
      }
      phase += random.nextDouble(0, 0.2);
      double[] target = target(obs);
      var action = Json.array();
      for (int i = 0; i < 3; i++) {
        double error = target[i] - obs[i];
        double velocity = obs[3 + i];
        boolean brake = Math.abs(error / (velocity + 0.01)) < BRAKE_TIME[i];
        double value = error * gains[i] - (brake ? velocity * DERIVATIVE_GAIN : 0);
        action.add(Math.max(-1, Math.min(1, value)));
      }
      boolean shoot = keepMode && obs[16] > 0 && obs[16] < 7;
      return action.add(shoot ? 1.0 : 0.0);
    }

    /** Where to go (x, y) and the paddle angle, in the bot's own frame relative to the centre. */
    private double[] target(double[] obs) {
      double x = obs[0];
      double y = obs[1];
      double puckX = obs[12];
      double puckY = obs[13];
      double angle = Table.MAX_ANGLE * StrictMath.sin(phase);
      if (obs[14] >= SLOW_PUCK) {
        return new double[] {DefenceLine.X, 0, angle}; // the puck flies away: guard the goal
      }
      if (x < puckX && Math.abs(y - puckY) < LEVEL) {
        // behind and level: drive through it, leading it by its vertical motion
        double distance = Math.hypot(x - puckX, y - puckY);
        return new double[] {puckX + KICK_THROUGH, puckY + obs[15] * distance * LEAD, angle};
      }
      double height = intercept ? DefenceLine.crossing(puckX, puckY, obs[14], obs[15]) : puckY;
      return new double[] {DefenceLine.X, height, angle}; // between the puck and the goal
    }
  }
}

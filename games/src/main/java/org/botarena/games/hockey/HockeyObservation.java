package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.node.ArrayNode;
import org.botarena.protocol.Json;

/**
 * The 18 floats a side sees, as in the course environment: own paddle (x, y relative to the centre,
 * angle, vx, vy, angular velocity), the opponent's paddle the same way, the puck (x, y, vx, vy),
 * the steps the side still holds the puck, the steps the opponent still holds it. Side 1 sees the
 * table turned half a circle: positions and linear velocities negated, angles unchanged.
 */
final class HockeyObservation {

  static final int SIZE = 18;

  private HockeyObservation() {}

  static float[] of(TableState table, int side) {
    float[] obs = new float[SIZE];
    float sign = Table.sign(side);
    paddle(obs, 0, table.paddles[side], sign);
    paddle(obs, 6, table.paddles[1 - side], sign);
    BodyState puck = table.puck;
    obs[12] = (float) (sign * (puck.x - Table.CENTRE_X));
    obs[13] = (float) (sign * (puck.y - Table.CENTRE_Y));
    obs[14] = sign * puck.vx;
    obs[15] = sign * puck.vy;
    obs[16] = table.timers[side];
    obs[17] = table.timers[1 - side];
    return obs;
  }

  private static void paddle(float[] obs, int at, BodyState paddle, float sign) {
    obs[at] = (float) (sign * (paddle.x - Table.CENTRE_X));
    obs[at + 1] = (float) (sign * (paddle.y - Table.CENTRE_Y));
    obs[at + 2] = paddle.angle;
    obs[at + 3] = sign * paddle.vx;
    obs[at + 4] = sign * paddle.vy;
    obs[at + 5] = paddle.spin;
  }

  static ArrayNode toJson(float[] obs) {
    ArrayNode json = Json.array();
    for (float value : obs) {
      json.add(value);
    }
    return json;
  }
}

package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.botarena.protocol.Json;

/** Everything on the table that the physics carries from one step to the next, by side. */
final class TableState {

  final BodyState[] paddles = new BodyState[2];
  BodyState puck;

  /** Keep-puck timers by side: steps left that the side holds the puck (0: it does not). */
  final int[] timers = new int[2];

  /**
   * Whether the puck touched each side's paddle in the last step. Box2D reports a contact's
   * beginning only once, and a paddle catches the puck only then: a puck still touching the paddle
   * that just shot it is not caught again.
   */
  final boolean[] touching = new boolean[2];

  /** The last step's contact impulses, to warm-start the next step's solver. */
  ContactImpulses impulses = new ContactImpulses();

  /** A force on the puck still to be applied in the next step (the defense mode's opening shot). */
  float kickX;

  float kickY;

  /** The start of a normal round: paddles a fifth of the table from each end, the puck at rest. */
  static TableState start(double puckX, double puckY) {
    TableState table = new TableState();
    table.paddles[0] = new BodyState((float) (Table.WIDTH / 5), (float) Table.CENTRE_Y);
    table.paddles[1] = new BodyState((float) (4 * Table.WIDTH / 5), (float) Table.CENTRE_Y);
    table.puck = new BodyState((float) puckX, (float) puckY);
    return table;
  }

  /**
   * The table of the course env's {@code set_state}: 18 numbers in player one's observation layout,
   * positions relative to the centre; the puck's spin is 0, as after the env's reset.
   */
  static TableState of(double[] state) {
    TableState table = new TableState();
    for (int side = 0; side < 2; side++) {
      int at = 6 * side;
      BodyState paddle =
          new BodyState(
              (float) (state[at] + Table.CENTRE_X), (float) (state[at + 1] + Table.CENTRE_Y));
      paddle.angle = (float) state[at + 2];
      paddle.vx = (float) state[at + 3];
      paddle.vy = (float) state[at + 4];
      paddle.spin = (float) state[at + 5];
      table.paddles[side] = paddle;
      table.timers[side] = (int) state[16 + side];
    }
    table.puck =
        new BodyState((float) (state[12] + Table.CENTRE_X), (float) (state[13] + Table.CENTRE_Y));
    table.puck.vx = (float) state[14];
    table.puck.vy = (float) state[15];
    return table;
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.putArray("paddles").add(paddles[0].toJson()).add(paddles[1].toJson());
    json.set("puck", puck.toJson());
    json.putArray("timers").add(timers[0]).add(timers[1]);
    json.putArray("touching").add(touching[0]).add(touching[1]);
    json.putArray("kick").add((double) kickX).add((double) kickY);
    json.set("impulses", impulses.toJson());
    return json;
  }

  static TableState fromJson(JsonNode json) {
    TableState table = new TableState();
    for (int side = 0; side < 2; side++) {
      table.paddles[side] = BodyState.fromJson(json.get("paddles").get(side));
      table.timers[side] = json.get("timers").get(side).intValue();
      table.touching[side] = json.get("touching").get(side).booleanValue();
    }
    table.puck = BodyState.fromJson(json.get("puck"));
    table.kickX = (float) json.get("kick").get(0).doubleValue();
    table.kickY = (float) json.get("kick").get(1).doubleValue();
    table.impulses = ContactImpulses.fromJson(json.get("impulses"));
    return table;
  }
}

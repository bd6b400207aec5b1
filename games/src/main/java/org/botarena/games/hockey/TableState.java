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

  /** The start of a round: paddles at a fifth of the table from each end, the puck at rest. */
  static TableState start(float puckX, float puckY) {
    TableState table = new TableState();
    table.paddles[0] = new BodyState(Table.WIDTH / 5, Table.CENTRE_Y);
    table.paddles[1] = new BodyState(Table.WIDTH * 4 / 5, Table.CENTRE_Y);
    table.puck = new BodyState(puckX, puckY);
    return table;
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object();
    json.putArray("paddles").add(paddles[0].toJson()).add(paddles[1].toJson());
    json.set("puck", puck.toJson());
    json.putArray("timers").add(timers[0]).add(timers[1]);
    return json;
  }

  static TableState fromJson(JsonNode json) {
    TableState table = new TableState();
    for (int side = 0; side < 2; side++) {
      table.paddles[side] = BodyState.fromJson(json.get("paddles").get(side));
      table.timers[side] = json.get("timers").get(side).intValue();
    }
    table.puck = BodyState.fromJson(json.get("puck"));
    return table;
  }
}

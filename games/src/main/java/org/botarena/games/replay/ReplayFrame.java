package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.TreeMap;
import org.botarena.protocol.Json;

/**
 * One step of a recorded game: the actions applied, by spot, and the state after them.
 *
 * @param step the step number, from 1
 * @param actions the action applied for each spot that acted (a timed-out spot's no-op included)
 * @param state the game's state after the step
 */
public record ReplayFrame(int step, Map<Integer, JsonNode> actions, ObjectNode state) {

  public ReplayFrame {
    actions = new TreeMap<>(actions);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object().put("type", "frame").put("step", step);
    ObjectNode byspot = json.putObject("actions");
    actions.forEach((spot, action) -> byspot.set(Integer.toString(spot), action));
    json.set("state", state);
    return json;
  }

  static ReplayFrame fromJson(JsonNode json) {
    Map<Integer, JsonNode> actions = new TreeMap<>();
    json.get("actions")
        .fields()
        .forEachRemaining(e -> actions.put(Integer.parseInt(e.getKey()), e.getValue()));
    return new ReplayFrame(json.get("step").intValue(), actions, (ObjectNode) json.get("state"));
  }
}

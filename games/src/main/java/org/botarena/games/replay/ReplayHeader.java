package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import org.botarena.protocol.Json;

/**
 * What a game was set up with: enough, with the actions, to play it again.
 *
 * @param game the game type's name
 * @param version the game type's version when it was played
 * @param config the full config
 * @param seed the seed
 * @param players a display name per spot
 */
public record ReplayHeader(
    String game, String version, ObjectNode config, long seed, List<String> players) {

  public ReplayHeader {
    players = List.copyOf(players);
  }

  ObjectNode toJson() {
    ObjectNode json = Json.object().put("type", "header").put("game", game).put("version", version);
    json.set("config", config);
    json.put("seed", seed);
    ArrayNode names = json.putArray("players");
    players.forEach(names::add);
    return json;
  }

  static ReplayHeader fromJson(JsonNode json) {
    List<String> players = new ArrayList<>();
    json.get("players").forEach(p -> players.add(p.asText()));
    return new ReplayHeader(
        json.get("game").asText(),
        json.get("version").asText(),
        (ObjectNode) json.get("config"),
        json.get("seed").asLong(),
        players);
  }
}

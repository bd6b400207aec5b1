package org.botarena.games.local.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.botarena.games.Json;
import org.botarena.games.spi.Outcome;

/** The server's messages of protocol version 1, built in one place. */
final class Messages {

  static final int PROTOCOL = 1;

  private Messages() {}

  static ObjectNode welcome(String session, String botName) {
    ObjectNode welcome = Json.object().put("type", "welcome").put("protocol", PROTOCOL)
        .put("session", session);
    welcome.putObject("bot").put("id", 0).put("name", botName).put("team", "local");
    return welcome;
  }

  static ObjectNode error(String code, String message, String game) {
    ObjectNode error = Json.object().put("type", "error").put("code", code).put("message", message);
    if (game != null) {
      error.put("game", game);
    }
    return error;
  }

  static ObjectNode gameStart(String game, String gameType, int spot, List<String> opponents,
      ObjectNode config) {
    ObjectNode start = Json.object().put("type", "game_start").put("game", game)
        .put("game_type", gameType);
    start.putArray("spots").add(spot);
    opponents.forEach(start.putArray("opponents")::add);
    start.set("config", config);
    return start;
  }

  static ObjectNode step(String game, int spot, int seq, JsonNode observation, long deadlineMs) {
    ObjectNode step = Json.object().put("type", "step").put("game", game).put("spot", spot)
        .put("seq", seq);
    step.set("observation", observation);
    return step.put("deadline_ms", deadlineMs);
  }

  static ObjectNode gameEnd(String game, int spot, Outcome outcome, JsonNode stats) {
    ObjectNode end = Json.object().put("type", "game_end").put("game", game)
        .put("result", outcome.resultFor(spot)).put("reason", outcome.reason().wire());
    ObjectNode scores = end.putObject("scores");
    new java.util.TreeMap<>(outcome.scores()).forEach((s, v) -> scores.put(s.toString(), v));
    end.set("stats", stats);
    return end;
  }
}

package org.botarena.jobs.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.botarena.games.Json;
import org.botarena.games.spi.Outcome;

/** The runner's protocol frames (PROTOCOL.md, server to bot). */
final class Frames {

  private Frames() {}

  static String gameStart(String game, String gameType, List<Integer> spots, List<String> opponents,
      JsonNode config) {
    ObjectNode f = Json.object().put("type", "game_start").put("game", game).put("game_type", gameType);
    ArrayNode s = f.putArray("spots");
    spots.forEach(s::add);
    ArrayNode o = f.putArray("opponents");
    opponents.forEach(o::add);
    f.set("config", config);
    return Json.write(f);
  }

  static String step(String game, int spot, long seq, JsonNode observation, int deadlineMs) {
    ObjectNode f = Json.object().put("type", "step").put("game", game).put("spot", spot).put("seq", seq);
    f.set("observation", observation);
    f.put("deadline_ms", deadlineMs);
    return Json.write(f);
  }

  static String gameEnd(String game, String result, String reason, Map<Integer, Double> scores,
      JsonNode stats) {
    ObjectNode f = Json.object().put("type", "game_end").put("game", game).put("result", result)
        .put("reason", reason);
    ObjectNode s = f.putObject("scores");
    scores.forEach((spot, score) -> s.put(Integer.toString(spot), score));
    f.set("stats", stats);
    return Json.write(f);
  }

  static String gameEnd(String game, Outcome outcome, int spot, JsonNode stats) {
    return gameEnd(game, outcome.resultFor(spot), outcome.reason().wire(), outcome.scores(), stats);
  }

  /** An observer's frame: the state after step {@code seq} (0: the start) and the actions applied. */
  static String watchFrame(String game, int seq, Map<Integer, JsonNode> actions, JsonNode state) {
    ObjectNode frame = Json.object().put("type", "frame").put("game", game).put("seq", seq);
    ObjectNode applied = frame.putObject("actions");
    actions.forEach((spot, action) -> applied.set(spot.toString(), action));
    frame.set("state", state);
    return Json.write(frame);
  }

  /** An observer's end of the game: how it ended, who won, the scores ({"dropped"} if it was). */
  static String watchEnd(String game, JsonNode outcome, boolean dropped) {
    ObjectNode end = Json.object().put("type", "game_end").put("game", game).put("dropped", dropped);
    end.set("outcome", outcome);
    return Json.write(end);
  }

  /** An observer's notice that a debug game went back to step {@code seq}: its state, later steps gone. */
  static String watchRewind(String game, int seq, JsonNode state) {
    ObjectNode frame = Json.object().put("type", "rewind").put("game", game).put("seq", seq);
    frame.set("state", state);
    return Json.write(frame);
  }

  /**
   * An observer's view of a debug game's controls: whether it is held, whether a step is out
   * waiting for actions, and the steps played.
   */
  static String watchStatus(String game, boolean paused, boolean awaiting, int steps) {
    return Json.write(Json.object().put("type", "debug").put("game", game).put("paused", paused)
        .put("awaiting", awaiting).put("seq", steps));
  }

  static String message(String text) {
    return Json.write(Json.object().put("type", "message").put("text", text));
  }

  static String error(String code, String message, String game) {
    ObjectNode f = Json.object().put("type", "error").put("code", code).put("message", message);
    if (game != null) {
      f.put("game", game);
    }
    return Json.write(f);
  }
}

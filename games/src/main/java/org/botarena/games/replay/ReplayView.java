package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.botarena.games.Games;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;

/**
 * A replay as the browser's viewer draws it: every step with the state after it, the actions
 * applied, and what each acting spot observed before acting (re-computed from the recorded state by
 * the game itself, so the viewer shows exactly what the bot saw).
 */
public final class ReplayView {

  private ReplayView() {}

  /**
   * {@code {"game", "players", "config", "initial", "frames": [{"step", "actions", "observations",
   * "state"}], "end"}}.
   */
  public static ObjectNode of(Replay replay) {
    GameType type = Games.type(replay.header().game());
    ObjectNode view =
        Json.object().put("game", replay.header().game()).put("seed", replay.header().seed());
    ArrayNode players = view.putArray("players");
    replay.header().players().forEach(players::add);
    view.set("config", replay.header().config());
    view.set("initial", replay.initial());
    ArrayNode frames = view.putArray("frames");
    JsonNode before = replay.initial();
    for (ReplayFrame frame : replay.frames()) {
      ObjectNode out = frames.addObject().put("step", frame.step());
      ObjectNode actions = out.putObject("actions");
      ObjectNode observations = out.putObject("observations");
      Game game = type.restore(before);
      for (Map.Entry<Integer, JsonNode> action : frame.actions().entrySet()) {
        actions.set(action.getKey().toString(), action.getValue());
        observations.set(action.getKey().toString(), game.observation(action.getKey()));
      }
      out.set("state", frame.state());
      before = frame.state();
    }
    view.set("end", replay.end());
    return view;
  }
}

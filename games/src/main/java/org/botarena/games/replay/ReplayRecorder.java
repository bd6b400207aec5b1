package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.botarena.games.Json;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.Outcome;

/** Records a game as it is played: call {@link #step} after every {@link Game#apply}. */
public final class ReplayRecorder {

  private final ReplayHeader header;
  private final ObjectNode initial;
  private final List<ReplayFrame> frames = new ArrayList<>();

  public ReplayRecorder(ReplayHeader header, Game game) {
    this.header = header;
    this.initial = game.state();
  }

  public void step(Map<Integer, JsonNode> actions, Game game) {
    frames.add(new ReplayFrame(game.steps(), actions, game.state()));
  }

  /**
   * Forgets the steps after {@code step} (a debug game went back to it) and returns the state
   * recorded after that step (the initial state for 0): the replay goes on from there.
   *
   * @throws IllegalArgumentException if no such step was recorded
   */
  public ObjectNode rewind(int step) {
    if (step < 0 || step > frames.size()) {
      throw new IllegalArgumentException("step " + step + " is not between 0 and " + frames.size());
    }
    frames.subList(step, frames.size()).clear();
    return step == 0 ? initial : frames.get(step - 1).state();
  }

  /** The state before the first step. */
  public ObjectNode initial() {
    return initial;
  }

  public List<ReplayFrame> frames() {
    return frames;
  }

  /** The replay so far; with the outcome once the game is finished. */
  public Replay replay(Game game) {
    return new Replay(header, initial, frames, game.finished() ? outcomeJson(game.outcome()) : null);
  }

  public static ObjectNode outcomeJson(Outcome outcome) {
    ObjectNode end = Json.object().put("reason", outcome.reason().name());
    ArrayNode winners = end.putArray("winners");
    outcome.winners().forEach(winners::add);
    ObjectNode scores = end.putObject("scores");
    outcome.scores().forEach((spot, score) -> scores.put(Integer.toString(spot), score));
    return end;
  }
}

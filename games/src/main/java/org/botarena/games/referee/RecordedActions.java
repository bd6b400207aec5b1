package org.botarena.games.referee;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.HouseBot;

/**
 * Plays a spot of a forked game with the actions that spot played in the original game, step by
 * step: at step n the original's action of step n. When they run out (the fork lasts longer), or
 * the recorded action is not valid any more (the fork went another way: a full column in connect4),
 * the fallback house bot plays the spot from that step on. A fork taken back to an earlier step
 * gets the recorded actions again up to that step.
 */
public final class RecordedActions implements HouseBot {

  private final List<JsonNode> actions;
  private final int spot;
  private final HouseBot fallback;
  private final Supplier<Game> game;

  /** The first step the fallback plays (no step yet: beyond every step). */
  private int takenOverAt = Integer.MAX_VALUE;

  /**
   * @param actions the spot's action at each step of the original game (index 0: step 1; null where
   *     it did not act)
   * @param game the game being played now (the referee's: a rewind replaces it)
   */
  public RecordedActions(List<JsonNode> actions, int spot, HouseBot fallback, Supplier<Game> game) {
    this.actions = new ArrayList<>(actions);
    this.spot = spot;
    this.fallback = fallback;
    this.game = game;
  }

  /** {@code spot}'s actions in the original game's frames, by step. */
  public static List<JsonNode> of(List<ReplayFrame> frames, int spot) {
    List<JsonNode> actions = new ArrayList<>(frames.size());
    frames.forEach(f -> actions.add(f.actions().get(spot)));
    return actions;
  }

  @Override
  public JsonNode act(JsonNode observation) {
    Game now = game.get();
    int step = now.steps() + 1;
    if (step < takenOverAt) {
      JsonNode recorded = step <= actions.size() ? actions.get(step - 1) : null;
      if (recorded != null && now.validate(spot, recorded).isEmpty()) {
        return recorded;
      }
      takenOverAt = step;
    }
    return fallback.act(observation);
  }

  /** The step from which the fallback plays, or empty while the recorded actions do. */
  public OptionalInt takenOverAt() {
    return takenOverAt == Integer.MAX_VALUE ? OptionalInt.empty() : OptionalInt.of(takenOverAt);
  }
}

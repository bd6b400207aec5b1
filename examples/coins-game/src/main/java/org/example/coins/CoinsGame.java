package org.example.coins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.games.spi.AbstractGame;
import org.botarena.games.spi.EndReason;
import org.botarena.games.support.OutcomeState;
import org.botarena.protocol.Json;

/** One game of take the last coin ({@link CoinsGameType} has the rules). */
final class CoinsGame extends AbstractGame {

  private final int maxTake;
  private int pile;
  private int turn;
  private final int[] taken = new int[2];

  CoinsGame(int pile, int maxTake) {
    super(2);
    this.pile = pile;
    this.maxTake = maxTake;
  }

  /** Turn-based: only the spot to move acts. */
  @Override
  public List<Integer> playing() {
    return finished() ? List.of() : List.of(turn);
  }

  @Override
  public JsonNode observation(int spot) {
    return Json.object()
        .put("pile", pile)
        .put("max_take", maxTake)
        .put("my_turn", !finished() && spot == turn)
        .put("mine", taken[spot])
        .put("theirs", taken[1 - spot]);
  }

  @Override
  public Optional<String> validate(int spot, JsonNode action) {
    int most = Math.min(maxTake, pile);
    boolean ok =
        action != null
            && action.isArray()
            && action.size() == 1
            && action.get(0).isInt()
            && action.get(0).intValue() >= 1
            && action.get(0).intValue() <= most;
    return ok ? Optional.empty() : Optional.of("action must be [n] with n in 1.." + most);
  }

  /** A spot that misses its deadline takes one coin. */
  @Override
  public JsonNode noop(int spot) {
    return Json.array().add(1);
  }

  @Override
  public void apply(Map<Integer, JsonNode> actions) {
    checkActions(actions);
    JsonNode action = actions.get(turn);
    Optional<String> problem = validate(turn, action);
    if (problem.isPresent()) {
      throw new IllegalArgumentException("spot " + turn + ": " + problem.get());
    }
    int take = action.get(0).intValue();
    pile -= take;
    taken[turn] += take;
    steps++;
    if (pile == 0) {
      end(EndReason.NORMAL, List.of(turn), scores());
    } else {
      turn = 1 - turn;
    }
  }

  /** 1 for the spot that took the last coin, else 0 (also what a forfeit's outcome carries). */
  @Override
  protected Map<Integer, Double> scores() {
    boolean over = pile == 0;
    return Map.of(0, over && turn == 0 ? 1.0 : 0.0, 1, over && turn == 1 ? 1.0 : 0.0);
  }

  @Override
  public ObjectNode stats(int spot) {
    return Json.object().put("taken", taken[spot]);
  }

  /** Everything the game needs to go on exactly as it would have: restore() reads it back. */
  @Override
  public ObjectNode state() {
    ObjectNode state = Json.object().put("pile", pile).put("max_take", maxTake).put("turn", turn);
    state.put("steps", steps);
    state.putArray("taken").add(taken[0]).add(taken[1]);
    OutcomeState.put(state, finished() ? Optional.of(outcome()) : Optional.empty());
    return state;
  }

  static CoinsGame restore(JsonNode state) {
    CoinsGame game = new CoinsGame(state.get("pile").intValue(), state.get("max_take").intValue());
    game.turn = state.get("turn").intValue();
    game.steps = state.get("steps").intValue();
    game.taken[0] = state.get("taken").get(0).intValue();
    game.taken[1] = state.get("taken").get(1).intValue();
    OutcomeState.get(state).ifPresent(game::restoreOutcome);
    return game;
  }
}

package org.botarena.games.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.games.spi.AbstractGame;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Outcome;
import org.botarena.protocol.Json;

/** The state and rules of one sum-to-ten game (see {@link SimpleGameType}). */
final class SimpleGame extends AbstractGame {

  static final int MAX_ADD = 3;

  private final int target;
  private final int maxSteps;
  private final int[] totals = new int[2];

  SimpleGame(int target, int maxSteps) {
    super(2);
    this.target = target;
    this.maxSteps = maxSteps;
  }

  @Override
  public List<Integer> playing() {
    return finished() ? List.of() : List.of(0, 1);
  }

  @Override
  public JsonNode observation(int spot) {
    return Json.array().add(totals[spot]).add(totals[1 - spot]);
  }

  @Override
  public Optional<String> validate(int spot, JsonNode action) {
    if (action == null || !action.isArray() || action.size() != 1) {
      return Optional.of("action must be an array of one integer, e.g. [2]");
    }
    JsonNode n = action.get(0);
    if (!n.isIntegralNumber() || n.asLong() < 0 || n.asLong() > MAX_ADD) {
      return Optional.of("action[0] must be an integer in 0.." + MAX_ADD + ", got " + n);
    }
    return Optional.empty();
  }

  @Override
  public JsonNode noop(int spot) {
    return Json.array().add(0);
  }

  @Override
  public void apply(Map<Integer, JsonNode> actions) {
    checkActions(actions);
    for (int spot = 0; spot < 2; spot++) {
      Optional<String> problem = validate(spot, actions.get(spot));
      if (problem.isPresent()) {
        throw new IllegalArgumentException("spot " + spot + ": " + problem.get());
      }
    }
    for (int spot = 0; spot < 2; spot++) {
      totals[spot] += actions.get(spot).get(0).intValue();
    }
    steps++;
    boolean first = totals[0] >= target;
    boolean second = totals[1] >= target;
    if (first || second) {
      end(EndReason.NORMAL, first && second ? List.of() : List.of(first ? 0 : 1), scores());
    } else if (steps >= maxSteps) {
      end(EndReason.STEP_CAP, List.of(), scores());
    }
  }

  @Override
  protected Map<Integer, Double> scores() {
    return Map.of(0, (double) totals[0], 1, (double) totals[1]);
  }

  @Override
  public ObjectNode stats(int spot) {
    return Json.object().put("total", totals[spot]);
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = Json.object();
    state.put("target", target).put("max_steps", maxSteps).put("steps", steps);
    state.putArray("totals").add(totals[0]).add(totals[1]);
    if (finished()) {
      Outcome o = outcome();
      ObjectNode end = state.putObject("outcome").put("reason", o.reason().name());
      ArrayNode winners = end.putArray("winners");
      o.winners().forEach(winners::add);
    }
    return state;
  }

  static SimpleGame restore(JsonNode state) {
    SimpleGame game =
        new SimpleGame(state.get("target").intValue(), state.get("max_steps").intValue());
    game.steps = state.get("steps").intValue();
    game.totals[0] = state.get("totals").get(0).intValue();
    game.totals[1] = state.get("totals").get(1).intValue();
    JsonNode end = state.get("outcome");
    if (end != null) {
      List<Integer> winners = new java.util.ArrayList<>();
      end.get("winners").forEach(w -> winners.add(w.intValue()));
      game.restoreOutcome(
          new Outcome(EndReason.valueOf(end.get("reason").asText()), winners, game.scores()));
    }
    return game;
  }
}

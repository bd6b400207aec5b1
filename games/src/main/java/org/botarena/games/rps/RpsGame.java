package org.botarena.games.rps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.games.spi.AbstractGame;
import org.botarena.games.spi.EndReason;
import org.botarena.games.support.OutcomeState;
import org.botarena.protocol.Json;

/** The state and rules of one rock-paper-scissors game. */
final class RpsGame extends AbstractGame {

  static final int ROCK = 0;
  static final int PAPER = 1;
  static final int SCISSORS = 2;
  static final int NONE = -1;

  private final int points;
  private final int maxRounds;
  private final int[] score = new int[2];
  private final int[] last = {NONE, NONE};

  /** How often each spot played each move, for the stats. */
  private final int[][] played = new int[2][3];

  RpsGame(int points, int maxRounds) {
    super(2);
    this.points = points;
    this.maxRounds = maxRounds;
  }

  /** 1 when {@code a} beats {@code b}, -1 when it loses, 0 for a tie. */
  static int duel(int a, int b) {
    return a == b ? 0 : (a - b + 3) % 3 == 1 ? 1 : -1;
  }

  /** The move that beats {@code move}. */
  static int beating(int move) {
    return (move + 1) % 3;
  }

  @Override
  public List<Integer> playing() {
    return finished() ? List.of() : List.of(0, 1);
  }

  @Override
  public JsonNode observation(int spot) {
    return Json.array().add(score[spot]).add(score[1 - spot]).add(last[1 - spot]);
  }

  @Override
  public Optional<String> validate(int spot, JsonNode action) {
    if (action == null || !action.isArray() || action.size() != 1) {
      return Optional.of(
          "action must be an array of one integer: [0] rock, [1] paper, [2] scissors");
    }
    JsonNode move = action.get(0);
    if (!move.isIntegralNumber() || move.asLong() < ROCK || move.asLong() > SCISSORS) {
      return Optional.of("action[0] must be 0 (rock), 1 (paper) or 2 (scissors), got " + move);
    }
    return Optional.empty();
  }

  /** Rock: the game has no neutral move, so a missed deadline plays the first one. */
  @Override
  public JsonNode noop(int spot) {
    return Json.array().add(ROCK);
  }

  @Override
  public void apply(Map<Integer, JsonNode> actions) {
    checkActions(actions);
    for (int spot = 0; spot < 2; spot++) {
      validate(spot, actions.get(spot))
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException(problem);
              });
    }
    int a = actions.get(0).get(0).intValue();
    int b = actions.get(1).get(0).intValue();
    last[0] = a;
    last[1] = b;
    played[0][a]++;
    played[1][b]++;
    int result = duel(a, b);
    if (result != 0) {
      score[result > 0 ? 0 : 1]++;
    }
    steps++;
    decide();
  }

  private void decide() {
    if (score[0] >= points || score[1] >= points) {
      end(EndReason.NORMAL, List.of(score[0] >= points ? 0 : 1), scores());
    } else if (steps >= maxRounds) {
      // at the cap the leader wins; equal scores are a draw
      List<Integer> leader =
          score[0] == score[1] ? List.of() : List.of(score[0] > score[1] ? 0 : 1);
      end(EndReason.STEP_CAP, leader, scores());
    }
  }

  @Override
  protected Map<Integer, Double> scores() {
    return Map.of(0, (double) score[0], 1, (double) score[1]);
  }

  @Override
  public ObjectNode stats(int spot) {
    return Json.object()
        .put("points", score[spot])
        .put("rock", played[spot][ROCK])
        .put("paper", played[spot][PAPER])
        .put("scissors", played[spot][SCISSORS]);
  }

  @Override
  public ObjectNode state() {
    ObjectNode state =
        Json.object().put("points", points).put("max_rounds", maxRounds).put("steps", steps);
    state.putArray("score").add(score[0]).add(score[1]);
    state.putArray("last").add(last[0]).add(last[1]);
    ArrayNode counts = state.putArray("played");
    for (int[] spot : played) {
      counts.addArray().add(spot[0]).add(spot[1]).add(spot[2]);
    }
    OutcomeState.put(state, finished() ? Optional.of(outcome()) : Optional.empty());
    return state;
  }

  static RpsGame restore(JsonNode state) {
    RpsGame game = new RpsGame(state.get("points").intValue(), state.get("max_rounds").intValue());
    game.steps = state.get("steps").intValue();
    for (int spot = 0; spot < 2; spot++) {
      game.score[spot] = state.get("score").get(spot).intValue();
      game.last[spot] = state.get("last").get(spot).intValue();
      for (int move = 0; move < 3; move++) {
        game.played[spot][move] = state.get("played").get(spot).get(move).intValue();
      }
    }
    OutcomeState.get(state).ifPresent(game::restoreOutcome);
    return game;
  }
}

package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.games.spi.AbstractGame;
import org.botarena.games.spi.EndReason;
import org.botarena.games.support.OutcomeState;
import org.botarena.games.support.SeededRandom;
import org.botarena.protocol.Json;

/**
 * A hockey match: a series of rounds (the course's episodes), each ending at a goal or after {@code
 * max_steps}; the spots change ends between rounds when {@code swap_sides} is set. The spot with
 * more goals over all rounds wins; equal goals are a draw.
 */
final class HockeyGame extends AbstractGame {

  private final ObjectNode configJson;
  private final HockeyConfig config;
  private final HockeyPhysics physics;
  private final SeededRandom random;

  /** The side in whose half the puck starts in round 0 (normal mode); it alternates from there. */
  private final int firstStarter;

  private int round;
  private int roundSteps;
  private TableState table;
  private final int[] goals = new int[2];
  private final int[] shots = new int[2];
  private final int[] catches = new int[2];

  /** Per finished round: the spot that scored, or -1. */
  private final List<Integer> roundScorers = new ArrayList<>();

  HockeyGame(ObjectNode configJson, long seed) {
    this(configJson, new SeededRandom(seed), -1);
  }

  /** A game whose first round starts in the half of {@code side} (0 left, 1 right). */
  static HockeyGame startingOn(ObjectNode configJson, long seed, int side) {
    HockeyGame game = new HockeyGame(configJson, new SeededRandom(seed), side);
    game.startRound();
    return game;
  }

  private HockeyGame(ObjectNode configJson, SeededRandom random, int firstStarter) {
    super(2);
    this.configJson = configJson.deepCopy();
    this.config = HockeyConfig.of(configJson);
    this.physics = new HockeyPhysics(config.keepMode());
    this.random = random;
    if (firstStarter < 0) {
      this.firstStarter = random.nextInt(2);
      startRound();
    } else {
      this.firstStarter = firstStarter;
    }
  }

  /** The side (0 left, 1 right) {@code spot} plays on in the current round. */
  int sideOf(int spot) {
    return config.swapSides() ? (spot + round) % 2 : spot;
  }

  private int spotOn(int side) {
    return sideOf(0) == side ? 0 : 1;
  }

  /**
   * A round starts as the course env's reset does: in normal mode the puck rests H/8..H/4 before
   * the centre line in the starting side's half, and the starting half alternates every round (the
   * env flips it at each reset); with {@code swap_sides} as well, as comprl plays its four rounds,
   * the same spot thus has the puck in its half every round. The training modes put player two
   * somewhere random and the puck in player one's half ({@code shooting}) or shoot it from player
   * two's half toward player one's goal ({@code defense}). {@code initial_state} replaces all of
   * this.
   */
  private void startRound() {
    roundSteps = 0;
    if (config.initialState().isPresent()) {
      table = TableState.of(config.initialState().get());
      return;
    }
    double w = Table.WIDTH;
    double h = Table.HEIGHT;
    if (HockeyConfig.NORMAL.equals(config.mode())) {
      int starterSide = (firstStarter + round) % 2;
      double depth = random.uniform(h / 8, h / 4);
      double height = random.uniform(-h / 8, h / 8);
      table =
          TableState.start(
              Table.CENTRE_X - Table.sign(starterSide) * depth, Table.CENTRE_Y + height);
      return;
    }
    double p2x = 4 * w / 5 + random.uniform(-w / 3, w / 6);
    double p2y = h / 2 + random.uniform(-h / 4, h / 4);
    if (HockeyConfig.SHOOTING.equals(config.mode())) {
      double depth = random.uniform(h / 8, h / 4);
      double height = random.uniform(-h / 8, h / 8);
      table = TableState.start(Table.CENTRE_X - depth, Table.CENTRE_Y + height);
    } else {
      double x = w / 2 + random.uniform(0, w / 3);
      double y = h / 2 + 0.8 * random.uniform(-h / 2, h / 2);
      double goalHalf = Table.GOAL_HALF_HEIGHT_PX / Table.SCALE;
      double aimY = h / 2 + 0.6 * random.uniform(-goalHalf, goalHalf);
      table = TableState.start(x, y);
      kickToward(table, aimY);
    }
    table.paddles[1] = new BodyState((float) p2x, (float) p2y);
  }

  /**
   * The defense mode's shot: a force for the first step that gives the puck the shot speed along
   * the line from (0, aimY), the table's left edge at the aimed height, through the puck.
   */
  private static void kickToward(TableState table, double aimY) {
    float dx = table.puck.x;
    float dy = table.puck.y - (float) aimY;
    float length = (float) Math.sqrt(dx * dx + dy * dy);
    float strength = (float) (Table.SHOT_SPEED * HockeyWorld.PUCK_MASS / Table.TIME_STEP);
    table.kickX = -(dx / length) * strength;
    table.kickY = -(dy / length) * strength;
  }

  @Override
  public List<Integer> playing() {
    return finished() ? List.of() : List.of(0, 1);
  }

  @Override
  public JsonNode observation(int spot) {
    return HockeyObservation.toJson(HockeyObservation.of(table, sideOf(spot)));
  }

  @Override
  public Optional<String> validate(int spot, JsonNode action) {
    return HockeyAction.problem(action);
  }

  @Override
  public JsonNode noop(int spot) {
    return HockeyAction.none();
  }

  @Override
  public void apply(Map<Integer, JsonNode> actions) {
    checkActions(actions);
    float[][] bySide = new float[2][];
    for (int spot = 0; spot < 2; spot++) {
      JsonNode action = actions.get(spot);
      int s = spot;
      HockeyAction.problem(action)
          .ifPresent(
              problem -> {
                throw new IllegalArgumentException("spot " + s + ": " + problem);
              });
      bySide[sideOf(spot)] = HockeyAction.parse(action);
    }
    StepEvents events = physics.step(table, bySide);
    for (int side = 0; side < 2; side++) {
      shots[spotOn(side)] += events.shots()[side] ? 1 : 0;
      catches[spotOn(side)] += events.catches()[side] ? 1 : 0;
    }
    steps++;
    roundSteps++;
    if (events.goalOf() >= 0) {
      int scorer = spotOn(1 - events.goalOf());
      goals[scorer]++;
      endRound(scorer);
    } else if (roundSteps >= config.maxSteps()) {
      endRound(-1);
    }
  }

  private void endRound(int scorer) {
    roundScorers.add(scorer);
    if (round + 1 < config.rounds()) {
      round++;
      startRound();
      return;
    }
    boolean anyGoal = goals[0] + goals[1] > 0;
    List<Integer> winners = goals[0] == goals[1] ? List.of() : List.of(goals[0] > goals[1] ? 0 : 1);
    end(anyGoal ? EndReason.NORMAL : EndReason.STEP_CAP, winners, scores());
  }

  @Override
  protected Map<Integer, Double> scores() {
    return Map.of(0, (double) goals[0], 1, (double) goals[1]);
  }

  @Override
  public ObjectNode stats(int spot) {
    int roundsWon = 0;
    for (int scorer : roundScorers) {
      roundsWon += scorer == spot ? 1 : 0;
    }
    return Json.object()
        .put("goals", goals[spot])
        .put("rounds_won", roundsWon)
        .put("shots", shots[spot])
        .put("catches", catches[spot]);
  }

  @Override
  public ObjectNode state() {
    ObjectNode state = Json.object();
    state.set("config", configJson.deepCopy());
    state
        .put("rng", random.state())
        .put("first_starter", firstStarter)
        .put("round", round)
        .put("round_steps", roundSteps)
        .put("steps", steps);
    state.set("table", table.toJson());
    putPair(state, "goals", goals);
    putPair(state, "shots", shots);
    putPair(state, "catches", catches);
    ArrayNode scorers = state.putArray("round_scorers");
    roundScorers.forEach(scorers::add);
    OutcomeState.put(state, finished() ? Optional.of(outcome()) : Optional.empty());
    return state;
  }

  private static void putPair(ObjectNode state, String name, int[] pair) {
    state.putArray(name).add(pair[0]).add(pair[1]);
  }

  static HockeyGame restore(JsonNode state) {
    HockeyGame game =
        new HockeyGame(
            HockeyConfig.resolve(state.get("config")),
            new SeededRandom(state.get("rng").longValue()),
            state.get("first_starter").intValue());
    game.round = state.get("round").intValue();
    game.roundSteps = state.get("round_steps").intValue();
    game.steps = state.get("steps").intValue();
    game.table = TableState.fromJson(state.get("table"));
    for (int spot = 0; spot < 2; spot++) {
      game.goals[spot] = state.get("goals").get(spot).intValue();
      game.shots[spot] = state.get("shots").get(spot).intValue();
      game.catches[spot] = state.get("catches").get(spot).intValue();
    }
    state.get("round_scorers").forEach(s -> game.roundScorers.add(s.intValue()));
    OutcomeState.get(state).ifPresent(game::restoreOutcome);
    return game;
  }
}

package org.botarena.jobs.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.botarena.arena.play.DebugCommand;
import org.botarena.arena.play.MatchConfig;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.games.Json;
import org.botarena.games.replay.ReplayHeader;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.games.replay.ReplayRecorder;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;

/**
 * One game being played, driven by events: actions arriving and deadlines firing. No thread waits
 * for a bot; every event takes the game's lock briefly and moves it on. A debug arena's game can
 * also be held after a step, stepped once, and taken back to an earlier step ({@link DebugCommand}).
 */
final class RunningGame {

  private final MatchPlan plan;
  private final String id;
  private final GameType type;
  private Game game;
  private final ObjectNode config;
  private final StepPolicy policy;
  private final GameHost host;
  private final ReplayRecorder recorder;
  private final Map<Integer, Seat> seats = new TreeMap<>();
  private final Map<Long, String> gateways = new HashMap<>();
  private final Map<Integer, Long> seq = new HashMap<>();
  private final Map<Integer, Integer> missed = new HashMap<>();
  private final Map<Integer, JsonNode> pending = new TreeMap<>();
  /** The spots the runner plays itself with a built-in house bot. */
  private final Map<Integer, HouseBot> houseBots = new HashMap<>();
  /** Instances where browsers watch this game: they get every step's frame. */
  private final Set<String> watchers = new HashSet<>();
  private final long startedAt = System.currentTimeMillis();
  private long stepSentAt;
  private Future<?> deadline;
  /** A step was sent to bots and waits for their actions (or its deadline). */
  private boolean awaiting;
  /** Debug: hold after the current step until resumed or stepped. */
  private boolean paused;
  /** Debug: steps that may still be played while paused (a single step is 1). */
  private int stepsWhilePaused;
  private boolean ended;
  private String dropCause;

  RunningGame(MatchPlan plan, GameType type, StepPolicy defaults, GameHost host) {
    this.plan = plan;
    this.id = plan.matchId().toString();
    this.host = host;
    this.type = type;
    JsonNode matchConfig = Json.parse(plan.config());
    this.policy = StepPolicy.of(matchConfig, defaults);
    this.paused = plan.debug() && StepPolicy.startPaused(matchConfig);
    this.config = type.config(MatchConfig.gameConfig(matchConfig));
    this.game = type.create(config, plan.seed());
    List<String> names = new ArrayList<>();
    for (Seat seat : plan.seats()) {
      seats.put(seat.spot(), seat);
      names.add(seat.botName());
      if (seat.isHouse()) {
        houseBots.put(seat.spot(), houseBot(type, seat, plan.seed()));
      } else {
        gateways.put(seat.botId(), seat.gateway());
      }
    }
    this.recorder = new ReplayRecorder(
        new ReplayHeader(type.name(), type.version(), config, plan.seed(), names), game);
  }

  private HouseBot houseBot(GameType type, Seat seat, long seed) {
    HouseBot.Factory factory = type.houseBots().get(seat.house());
    if (factory == null) {
      throw new IllegalArgumentException(type.name() + " has no house bot '" + seat.house() + "'");
    }
    return factory.create(config, seat.spot(), seed + seat.spot());
  }

  String id() {
    return id;
  }

  MatchPlan plan() {
    return plan;
  }

  Game game() {
    return game;
  }

  ReplayRecorder recorder() {
    return recorder;
  }

  /** Tells every bot its spots and opponents, then asks for the first step. */
  synchronized void begin() {
    for (Map.Entry<Long, List<Integer>> bot : spotsByBot().entrySet()) {
      List<String> opponents = new ArrayList<>();
      seats.values().stream().filter(s -> s.botId() != bot.getKey()).forEach(s -> opponents.add(s.botName()));
      if (plan.attempt() > 1) {
        // an earlier attempt died with its runner: tell the bot that game is off
        send(bot.getKey(), ToBot.Kind.GAME_END,
            Frames.gameEnd(id, "aborted", "dropped", Map.of(), Json.object()));
      }
      send(bot.getKey(), ToBot.Kind.GAME_START,
          Frames.gameStart(id, plan.gameType(), bot.getValue(), opponents, policy.describe(config)));
    }
    for (Seat seat : seats.values()) {
      if (!seat.isHouse() && seat.gateway() == null) {
        forfeit(seat.spot(), EndReason.DISCONNECT);
        return;
      }
    }
    goOn();
  }

  synchronized void receive(ToRunner message) {
    if (ended) {
      send(message.botId(), ToBot.Kind.ERROR, Frames.error("STALE_ACTION", "game " + id + " is over", id));
      return;
    }
    switch (message.kind()) {
      case WATCH -> watch(message.gateway());
      case ACTION -> action(message);
      case DISCONNECT -> disconnected(message.botId(), message.gateway());
      case REBIND -> gateways.put(message.botId(), message.gateway());
      case CONTROL -> DebugCommand.of(message.action()).ifPresent(c -> control(c, (int) message.seq()));
    }
  }

  /** A team member steers its debug game; other games ignore it (the observer hub refuses it first). */
  private void control(DebugCommand command, int step) {
    if (!plan.debug()) {
      return;
    }
    switch (command) {
      case PAUSE -> {
        paused = true;
        stepsWhilePaused = 0;
      }
      case RESUME -> {
        paused = false;
        goOn();
      }
      case STEP -> {
        paused = true;
        if (!awaiting) {
          stepsWhilePaused = 1;
          goOn();
        }
      }
      case REWIND -> rewind(step);
    }
    if (!ended) {
      watchers.forEach(this::watchStatus);
    }
  }

  /** Back to the state after {@code step} (0: the start), held there; later steps are forgotten. */
  private void rewind(int step) {
    if (step < 0 || step > game.steps()) {
      return;
    }
    cancelDeadline();
    pending.clear();
    awaiting = false; // an answer to the abandoned step is stale now
    missed.clear();
    paused = true;
    stepsWhilePaused = 0;
    game = type.restore(recorder.rewind(step));
    String frame = Frames.watchRewind(id, step, game.state());
    watchers.forEach(w -> host.send(w, 0, id, ToBot.Kind.WATCH, frame));
    for (long bot : spotsByBot().keySet()) {
      send(bot, ToBot.Kind.MESSAGE, Frames.message("game " + id + " was taken back to step " + step
          + " in its debug arena; the next step continues from there"));
    }
  }

  /** Asks for the next step unless the game is held; plays on while house bots alone complete steps. */
  private void goOn() {
    if (!ended && !awaiting && mayStep() && requestStep()) {
      advance();
    }
  }

  private boolean mayStep() {
    return !paused || stepsWhilePaused > 0;
  }

  private void watchStatus(String instance) {
    host.send(instance, 0, id, ToBot.Kind.WATCH, Frames.watchStatus(id, paused, awaiting, game.steps()));
  }

  /** Browsers on {@code instance} watch: the frames so far now, then one per step. */
  private void watch(String instance) {
    if (instance == null || !watchers.add(instance)) {
      return;
    }
    watchFrame(instance, 0, Map.of(), recorder.initial());
    for (ReplayFrame frame : recorder.frames()) {
      watchFrame(instance, frame.step(), frame.actions(), frame.state());
    }
    if (plan.debug()) {
      watchStatus(instance);
    }
  }

  private void watchFrame(String instance, int seq, Map<Integer, JsonNode> actions, JsonNode state) {
    host.send(instance, 0, id, ToBot.Kind.WATCH, Frames.watchFrame(id, seq, actions, state));
  }

  private void action(ToRunner m) {
    Seat seat = seats.get(m.spot());
    if (!awaiting || seat == null || seat.botId() != m.botId() || !game.playing().contains(m.spot())
        || seq.getOrDefault(m.spot(), 0L) != m.seq() || pending.containsKey(m.spot())) {
      send(m.botId(), ToBot.Kind.ERROR, Frames.error("STALE_ACTION",
          "no step " + m.seq() + " of spot " + m.spot() + " is waiting for an action", id));
      return;
    }
    JsonNode action;
    try {
      action = Json.parseAllowingNonFinite(m.action());
    } catch (IllegalArgumentException e) {
      action = null;
    }
    Optional<String> problem = action == null ? Optional.of("the action is not JSON")
        : Json.hasNonFinite(action) ? Optional.of("the action contains NaN or Infinity")
        : game.validate(m.spot(), action);
    if (problem.isPresent()) {
      send(m.botId(), ToBot.Kind.ERROR, Frames.error("INVALID_ACTION", problem.get(), id));
      forfeit(m.spot(), EndReason.INVALID_ACTION);
      return;
    }
    host.stepAnswered(System.nanoTime() - stepSentAt);
    missed.put(m.spot(), 0);
    pending.put(m.spot(), action);
    if (pending.keySet().containsAll(game.playing())) {
      awaiting = false;
      advance();
    }
  }

  /** The deadline of step {@code stepSeq} passed: missing spots play the no-op, or forfeit. */
  synchronized void deadlinePassed(Map<Integer, Long> stepSeq) {
    if (ended || !awaiting || !stepSeq.equals(currentSeq())) {
      return;
    }
    for (int spot : game.playing()) {
      if (!pending.containsKey(spot)) {
        int misses = missed.merge(spot, 1, Integer::sum);
        Seat seat = seats.get(spot);
        send(seat.botId(), ToBot.Kind.ERROR, Frames.error("TIMEOUT",
            "no action for step " + seq.get(spot) + " in " + policy.deadlineMs() + " ms ("
                + misses + " of " + policy.maxTimeouts() + " allowed in a row)", id));
        if (misses >= policy.maxTimeouts()) {
          forfeit(spot, EndReason.TIMEOUT);
          return;
        }
        pending.put(spot, game.noop(spot));
      }
    }
    awaiting = false;
    advance();
  }

  private void disconnected(long botId, String gateway) {
    String current = gateways.get(botId);
    if (current != null && gateway != null && !current.equals(gateway)) {
      return; // an older connection closed after the bot reconnected elsewhere
    }
    gateways.put(botId, null);
    seats.values().stream().filter(s -> s.botId() == botId).findFirst()
        .ifPresent(s -> forfeit(s.spot(), EndReason.DISCONNECT));
  }

  /**
   * Applies the pending actions, and goes on as long as house bots alone make the next moves (or a
   * debug game is held).
   */
  private void advance() {
    do {
      cancelDeadline();
      Map<Integer, JsonNode> actions = new LinkedHashMap<>(pending);
      pending.clear();
      game.apply(actions);
      ReplayFrame frame = recorder.step(actions, game);
      if (!watchers.isEmpty()) {
        watchers.forEach(w -> watchFrame(w, frame.step(), frame.actions(), frame.state()));
      }
      if (game.finished()) {
        end();
        return;
      }
    } while (mayStep() && requestStep());
    if (paused && !awaiting) {
      watchers.forEach(this::watchStatus); // held: the watchers' controls say so
    }
  }

  /** Asks the spots that must act; house bots answer at once. True if they alone completed the step. */
  private boolean requestStep() {
    if (paused) {
      stepsWhilePaused = Math.max(0, stepsWhilePaused - 1);
    }
    for (int spot : game.playing()) {
      long next = seq.merge(spot, 1L, Long::sum);
      HouseBot house = houseBots.get(spot);
      if (house != null) {
        pending.put(spot, houseAction(house, spot));
      } else {
        send(seats.get(spot).botId(), ToBot.Kind.STEP,
            Frames.step(id, spot, next, game.observation(spot), policy.deadlineMs()));
      }
    }
    if (pending.keySet().containsAll(game.playing())) {
      return true;
    }
    awaiting = true;
    stepSentAt = System.nanoTime();
    Map<Integer, Long> stepSeq = currentSeq();
    deadline = host.schedule(() -> deadlinePassed(stepSeq), policy.deadlineMs());
    return false;
  }

  /** A house bot's move; one that fails or breaks the rules plays the no-op, so a bug never forfeits. */
  private JsonNode houseAction(HouseBot house, int spot) {
    try {
      JsonNode action = house.act(game.observation(spot));
      return game.validate(spot, action).isEmpty() ? action : game.noop(spot);
    } catch (RuntimeException e) {
      return game.noop(spot);
    }
  }

  /**
   * Ends the game unfinished if it started more than {@code maxMillis} ago (a game that never ends
   * would hold its bots forever); it is stored as dropped and not rated. True if it was dropped.
   */
  synchronized boolean dropIfOlderThan(long maxMillis, long now) {
    if (ended || now - startedAt <= maxMillis) {
      return false;
    }
    dropCause = "max_duration";
    end();
    return true;
  }

  /** Why the game was dropped unfinished, or null. */
  synchronized String dropCause() {
    return dropCause;
  }

  private void forfeit(int spot, EndReason reason) {
    game.forfeit(spot, reason);
    end();
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    cancelDeadline();
    host.finished(this);
  }

  /** Tells each bot how it did (or that the game was dropped); called once the result is stored. */
  synchronized void announceEnd(boolean dropped) {
    String end = Frames.watchEnd(id, game.finished() ? ReplayRecorder.outcomeJson(game.outcome()) : null, dropped);
    watchers.forEach(w -> host.send(w, 0, id, ToBot.Kind.WATCH, end));
    for (Map.Entry<Long, List<Integer>> bot : spotsByBot().entrySet()) {
      int spot = bot.getValue().get(0);
      send(bot.getKey(), ToBot.Kind.GAME_END, dropped
          ? Frames.gameEnd(id, "aborted", "dropped", Map.of(), game.stats(spot))
          : Frames.gameEnd(id, game.outcome(), spot, game.stats(spot)));
    }
  }

  private Map<Integer, Long> currentSeq() {
    Map<Integer, Long> current = new TreeMap<>();
    for (int spot : game.playing()) {
      current.put(spot, seq.getOrDefault(spot, 0L));
    }
    return current;
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  /** The spots of each bot that connects (house bots are told nothing). */
  private Map<Long, List<Integer>> spotsByBot() {
    Map<Long, List<Integer>> bots = new LinkedHashMap<>();
    seats.values().stream().filter(s -> !s.isHouse())
        .forEach(s -> bots.computeIfAbsent(s.botId(), b -> new ArrayList<>()).add(s.spot()));
    return bots;
  }

  private void send(long botId, ToBot.Kind kind, String frame) {
    host.send(gateways.get(botId), botId, id, kind, frame);
  }
}

package org.botarena.jobs.runner;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import org.botarena.arena.latency.SeatLatency;
import org.botarena.arena.play.DebugCommand;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.games.referee.Referee;
import org.botarena.games.referee.StandIns;
import org.botarena.games.referee.StepRules;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.games.replay.ReplayHeader;
import org.botarena.games.replay.ReplayRecorder;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;
import org.botarena.protocol.WatchFrames;

/**
 * One game being played, driven by events: actions arriving and deadlines firing. No thread waits
 * for a bot; every event takes the game's lock briefly and moves it on. The rules of a step are the
 * {@link Referee}'s; this class adds who is who (seats, gateways), frames, timers, the recording
 * and watchers. A debug arena's game can also be held after a step, stepped once, and taken back to
 * an earlier step ({@link DebugCommand}).
 */
final class RunningGame {

  /**
   * Steps house bots alone may play in one go while holding the game's lock; the rest is scheduled
   * on the host, behind the other games' events and the drop sweep.
   */
  static final int SLICE_STEPS = 200;

  /**
   * The same as time: a slice ends after this much even if it played fewer steps (Payara's managed
   * executor may have one thread, which every deadline of the instance shares).
   */
  static final long SLICE_NANOS = 10_000_000L;

  private final MatchPlan plan;
  private final String id;
  private final GameType type;
  private final ObjectNode config;
  private final Referee referee;
  private final GameHost host;
  private final ReplayRecorder recorder;
  private final Map<Integer, Seat> seats = new TreeMap<>();

  /** Each protocol seat's step times, stored with the result (house bots answer at once). */
  private final Map<Integer, SeatLatency> latency = new HashMap<>();

  /** The instance holding each bot's socket; null while its connection is gone. */
  private final Map<Long, String> gateways = new HashMap<>();

  /**
   * Each bot's connection (its session id) where a rebind told it: an older one's close is ignored.
   */
  private final Map<Long, String> connections = new HashMap<>();

  /**
   * Bots whose connection dropped, with the timer that forfeits for them when they are not back in
   * time.
   */
  private final Map<Long, Absence> absent = new HashMap<>();

  /** How long a bot whose connection dropped has to come back; 0: it forfeits at once. */
  private final long graceMs;

  private long absences;

  /** Instances where browsers watch this game: they get every step's frame. */
  private final Set<String> watchers = new HashSet<>();

  private final long startedAt = System.currentTimeMillis();
  private long stepSentAt;
  private Future<?> deadline;

  /** The rest of a house bots' run, after a slice of it. */
  private Future<?> continuation;

  /** Which continuation is the current one: one cancelled too late finds itself stale. */
  private long slices;

  /**
   * The most steps the game's config lets it take: beyond, it is dropped (and so are its frames).
   */
  private final int maxSteps;

  /** Debug: hold after the current step until resumed or stepped. */
  private boolean paused;

  /** Debug: steps that may still be played while paused (a single step is 1). */
  private int stepsWhilePaused;

  private boolean ended;
  private String dropCause;

  /**
   * A bot away, since its {@code id}-th disconnect in this game, with the timer of its grace
   * period.
   */
  private record Absence(long id, Future<?> timer) {}

  /** A game whose bots forfeit at once when their connection drops. */
  RunningGame(MatchPlan plan, GameType type, StepRules defaults, GameHost host) {
    this(plan, type, defaults, host, 0);
  }

  /**
   * @param graceMs how long a bot whose connection dropped has to come back before it forfeits
   */
  RunningGame(MatchPlan plan, GameType type, StepRules defaults, GameHost host, long graceMs) {
    this.plan = plan;
    this.graceMs = graceMs;
    this.id = plan.matchId().toString();
    this.host = host;
    this.type = type;
    JsonNode matchConfig = Json.parse(plan.config());
    this.paused = plan.debug() && StepRules.startPaused(matchConfig);
    this.config = type.config(PlatformConfig.gameConfig(matchConfig));
    Game game = type.create(config, plan.seed());
    ForkedStart fork = plan.fork() == null ? null : new ForkedStart(plan.fork(), plan.seed());
    List<String> names = new ArrayList<>();
    Map<Integer, HouseBot> standIns = new HashMap<>();
    for (Seat seat : plan.seats()) {
      seats.put(seat.spot(), seat);
      names.add(seat.botName());
      if (seat.isHouse()) {
        HouseBot house = StandIns.create(type, seat.house(), config, seat.spot(), plan.seed());
        standIns.put(
            seat.spot(),
            fork != null && fork.playsRecorded(seat.spot())
                ? fork.recorded(seat.spot(), house, this::game)
                : house);
      } else {
        gateways.put(seat.botId(), seat.gateway());
      }
    }
    this.maxSteps = Math.min(type.maxSteps(config), GameType.MAX_STEPS);
    this.recorder =
        new ReplayRecorder(
            new ReplayHeader(type.name(), type.version(), config, plan.seed(), names),
            game,
            maxSteps);
    if (fork != null) {
      game = fork.playFirstSteps(recorder); // the origin's steps are this game's first frames
    }
    this.referee = new Referee(game, StepRules.of(matchConfig, defaults), standIns);
    for (Seat seat : plan.seats()) {
      if (!seat.isHouse()) {
        latency.put(seat.spot(), new SeatLatency(referee.rules().deadlineMs()));
      }
    }
  }

  String id() {
    return id;
  }

  MatchPlan plan() {
    return plan;
  }

  Game game() {
    return referee.game();
  }

  ReplayRecorder recorder() {
    return recorder;
  }

  /** Each protocol seat's step times so far (read once the game ended). */
  synchronized Map<Integer, SeatLatency> latency() {
    return Map.copyOf(latency);
  }

  /** Tells every bot its spots and opponents, then asks for the first step. */
  synchronized void begin() {
    for (Map.Entry<Long, List<Integer>> bot : spotsByBot().entrySet()) {
      List<String> opponents = new ArrayList<>();
      seats.values().stream()
          .filter(s -> s.botId() != bot.getKey())
          .forEach(s -> opponents.add(s.botName()));
      if (plan.attempt() > 1) {
        // an earlier attempt died with its runner: tell the bot that game is off
        send(bot.getKey(), ToBot.Kind.GAME_END, Frame.GameEnd.aborted(id, Json.object()));
      }
      StepRules rules = referee.rules();
      send(
          bot.getKey(),
          ToBot.Kind.GAME_START,
          new Frame.GameStart(
              id,
              plan.gameType(),
              bot.getValue(),
              opponents,
              PlatformConfig.told(config, rules.deadlineMs(), rules.maxTimeouts())));
    }
    for (Seat seat : seats.values()) {
      if (!seat.isHouse() && seat.gateway() == null) {
        // gone before the first step: the game is called off (Referee#aborted)
        referee.away(seat.spot());
        referee.disconnected(seat.spot());
        end();
        return;
      }
    }
    goOn();
  }

  synchronized void receive(ToRunner message) {
    if (ended) {
      send(
          message.botId(),
          ToBot.Kind.ERROR,
          new Frame.Error(ErrorCode.STALE_ACTION, "game " + id + " is over", id));
      return;
    }
    switch (message.kind()) {
      case WATCH -> watch(message.gateway());
      case ACTION -> action(message);
      case DISCONNECT -> disconnected(message.botId(), message.gateway(), message.action());
      case REBIND -> rebound(message.botId(), message.gateway(), message.action());
      case CONTROL ->
          DebugCommand.of(message.action()).ifPresent(c -> control(c, (int) message.seq()));
    }
  }

  /**
   * A team member steers its debug game; other games ignore it (the observer hub refuses it first).
   */
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
        if (!referee.awaiting()) {
          stepsWhilePaused = 1;
          goOn();
        }
      }
      case REWIND -> rewind(step);
      case STOP -> drop("stopped");
    }
    if (!ended) {
      watchers.forEach(this::watchStatus);
    }
  }

  /** Back to the state after {@code step} (0: the start), held there; later steps are forgotten. */
  private void rewind(int step) {
    if (step < 0 || step > game().steps()) {
      return;
    }
    cancelDeadline();
    cancelContinuation();
    paused = true;
    stepsWhilePaused = 0;
    referee.restart(
        type.restore(recorder.rewind(step))); // an answer to the abandoned step is stale now
    String frame = WatchFrames.rewind(id, step, game().state());
    watchers.forEach(w -> host.send(w, 0, id, ToBot.Kind.WATCH, frame));
    for (long bot : spotsByBot().keySet()) {
      send(
          bot,
          ToBot.Kind.MESSAGE,
          new Frame.Message(
              "game "
                  + id
                  + " was taken back to step "
                  + step
                  + " in its debug arena; the next step continues from there"));
    }
  }

  /**
   * Asks for the next step unless the game is held; plays on while house bots alone complete steps.
   */
  private void goOn() {
    if (continuation != null) {
      return; // a house bots' run goes on in its next slice, from the step it left complete
    }
    if (!ended && !referee.awaiting() && mayStep() && requestStep()) {
      advance();
    }
  }

  private boolean mayStep() {
    return !paused || stepsWhilePaused > 0;
  }

  private void watchStatus(String instance) {
    host.send(
        instance,
        0,
        id,
        ToBot.Kind.WATCH,
        WatchFrames.debugStatus(id, paused, referee.awaiting(), game().steps()));
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

  private void watchFrame(
      String instance, int seq, Map<Integer, JsonNode> actions, JsonNode state) {
    host.send(instance, 0, id, ToBot.Kind.WATCH, WatchFrames.frame(id, seq, actions, state));
  }

  private void action(ToRunner m) {
    Seat seat = seats.get(m.spot());
    if (seat == null || seat.botId() != m.botId()) {
      send(
          m.botId(),
          ToBot.Kind.ERROR,
          new Frame.Error(
              ErrorCode.STALE_ACTION,
              "no step " + m.seq() + " of spot " + m.spot() + " is waiting for an action",
              id));
      return;
    }
    JsonNode action;
    try {
      action = Json.parseAllowingNonFinite(m.action());
    } catch (IllegalArgumentException e) {
      action = null;
    }
    Referee.Answer answer = referee.answer(m.spot(), m.seq(), action);
    switch (answer.verdict()) {
      case STALE ->
          send(
              m.botId(),
              ToBot.Kind.ERROR,
              new Frame.Error(ErrorCode.STALE_ACTION, answer.problem(), id));
      case INVALID -> {
        send(
            m.botId(),
            ToBot.Kind.ERROR,
            new Frame.Error(ErrorCode.INVALID_ACTION, answer.problem(), id));
        end();
      }
      case ACCEPTED -> {
        long nanos = System.nanoTime() - stepSentAt;
        host.stepAnswered(nanos);
        latency.get(m.spot()).answered(nanos);
        if (referee.complete()) {
          advance();
        }
      }
    }
  }

  /** The deadline of step {@code round} passed: missing spots play the no-op, or forfeit. */
  synchronized void deadlinePassed(long round) {
    if (ended) {
      return;
    }
    List<Referee.Miss> misses = referee.deadlinePassed(round);
    if (misses.isEmpty()) {
      return; // answered in time, or another step now
    }
    for (Referee.Miss miss : misses) {
      SeatLatency seat = latency.get(miss.spot());
      if (seat != null) {
        seat.timedOut();
      }
      send(
          seats.get(miss.spot()).botId(),
          ToBot.Kind.ERROR,
          new Frame.Error(ErrorCode.TIMEOUT, miss.message(), id));
    }
    if (referee.over()) {
      end();
    } else {
      advance();
    }
  }

  /**
   * The connection of a bot dropped ({@code connection}: its session id, when the gateway knows
   * it). The game goes on without it: its steps are missed as usual; it has the grace period to
   * come back on any instance ({@link #rebound}), or it forfeits.
   */
  private void disconnected(long botId, String gateway, String connection) {
    String current = gateways.get(botId);
    if (current != null && gateway != null && !current.equals(gateway)) {
      return; // an older connection closed after the bot reconnected elsewhere
    }
    String known = connections.get(botId);
    if (known != null && connection != null && !known.equals(connection)) {
      return; // an older connection on the same instance closed after the bot reconnected there
    }
    List<Integer> spots = spotsOf(botId);
    if (spots.isEmpty()) {
      return;
    }
    gateways.put(botId, null);
    spots.forEach(referee::away);
    if (graceMs <= 0) {
      goneForGood(botId);
    } else if (!absent.containsKey(botId)) {
      long id = ++absences;
      absent.put(botId, new Absence(id, host.schedule(() -> graceOver(botId, id), graceMs)));
    }
  }

  /** The grace period of a bot's {@code absence} is over: if it is still away, it forfeits. */
  synchronized void graceOver(long botId, long absence) {
    Absence a = absent.get(botId);
    if (ended || a == null || a.id() != absence) {
      return; // back meanwhile (perhaps gone again, on a timer of its own), or the game is over
    }
    absent.remove(botId);
    goneForGood(botId);
  }

  private void goneForGood(long botId) {
    spotsOf(botId).stream()
        .findFirst()
        .ifPresent(
            spot -> {
              referee.disconnected(spot);
              end();
            });
  }

  /**
   * The bot is connected again, on {@code gateway} (a reconnect within the grace period, or a newer
   * connection that took over): the game goes on from the current step, which is asked again on the
   * new connection with the time left until its deadline.
   */
  private void rebound(long botId, String gateway, String connection) {
    List<Integer> spots = spotsOf(botId);
    if (spots.isEmpty()) {
      return;
    }
    gateways.put(botId, gateway);
    if (connection != null) {
      connections.put(botId, connection);
    }
    Absence away = absent.remove(botId);
    if (away != null) {
      away.timer().cancel(false);
    }
    spots.forEach(referee::back);
    int left =
        (int)
            Math.max(
                1, referee.rules().deadlineMs() - (System.nanoTime() - stepSentAt) / 1_000_000);
    for (int spot : spots) {
      referee
          .waitingFor(spot)
          .ifPresent(
              r ->
                  send(
                      botId,
                      ToBot.Kind.STEP,
                      new Frame.Step(id, r.spot(), r.seq(), r.observation(), left)));
    }
  }

  private List<Integer> spotsOf(long botId) {
    return seats.values().stream()
        .filter(s -> !s.isHouse() && s.botId() == botId)
        .map(Seat::spot)
        .toList();
  }

  /**
   * Applies the complete step, and goes on as long as house bots alone make the next moves (unless
   * a debug game is held), for one slice ({@link #SLICE_STEPS}, {@link #SLICE_NANOS}): the rest is
   * scheduled, so that the lock is let go between slices.
   */
  private void advance() {
    long sliceStart = System.nanoTime();
    for (int stepped = 1; ; stepped++) {
      cancelDeadline();
      ReplayFrame frame = recorder.step(referee.apply(), game());
      if (!watchers.isEmpty()) {
        watchers.forEach(w -> watchFrame(w, frame.step(), frame.actions(), frame.state()));
      }
      if (game().finished()) {
        end();
        return;
      }
      if (recorder.full()) {
        drop("max_steps"); // the game went past its config's worst case: a bug, not a long game
        return;
      }
      if (!mayStep() || !requestStep()) {
        break;
      }
      if (stepped >= SLICE_STEPS || System.nanoTime() - sliceStart >= SLICE_NANOS) {
        long slice = ++slices;
        continuation = host.schedule(() -> continueSlice(slice), 0);
        return;
      }
    }
    if (paused && !referee.awaiting()) {
      watchers.forEach(this::watchStatus); // held: the watchers' controls say so
    }
  }

  /** The next slice of a house bots' run: the step it left complete is applied first. */
  synchronized void continueSlice(long slice) {
    if (slice != slices) {
      return;
    }
    continuation = null;
    if (!ended && referee.complete()) {
      advance();
    }
  }

  /** Opens the next step and asks its bots; true if house bots alone completed it. */
  private boolean requestStep() {
    if (paused) {
      stepsWhilePaused = Math.max(0, stepsWhilePaused - 1);
    }
    int deadlineMs = referee.rules().deadlineMs();
    for (Referee.Request r : referee.open()) {
      send(
          seats.get(r.spot()).botId(),
          ToBot.Kind.STEP,
          new Frame.Step(id, r.spot(), r.seq(), r.observation(), deadlineMs));
    }
    if (referee.complete()) {
      return true;
    }
    stepSentAt = System.nanoTime();
    long round = referee.round();
    deadline = host.schedule(() -> deadlinePassed(round), deadlineMs);
    return false;
  }

  /**
   * Ends the game unfinished if it started more than {@code maxMillis} ago (a game that never ends
   * would hold its bots forever); it is stored as dropped and not rated. True if it was dropped.
   */
  synchronized boolean dropIfOlderThan(long maxMillis, long now) {
    if (ended || now - startedAt <= maxMillis) {
      return false;
    }
    drop("max_duration");
    return true;
  }

  private void drop(String cause) {
    dropCause = cause;
    end();
  }

  /** Why the game was dropped unfinished, or null. */
  synchronized String dropCause() {
    return dropCause;
  }

  private void end() {
    if (ended) {
      return;
    }
    ended = true;
    cancelDeadline();
    cancelContinuation();
    absent.values().forEach(a -> a.timer().cancel(false));
    absent.clear();
    host.finished(this);
  }

  /**
   * Tells each bot how it did (or that the game was dropped, or called off); called once the result
   * is stored.
   */
  synchronized void announceEnd(boolean dropped) {
    Game game = game();
    boolean calledOff = dropped || referee.aborted();
    String end =
        WatchFrames.end(
            id, game.finished() ? ReplayRecorder.outcomeJson(game.outcome()) : null, calledOff);
    watchers.forEach(w -> host.send(w, 0, id, ToBot.Kind.WATCH, end));
    for (Map.Entry<Long, List<Integer>> bot : spotsByBot().entrySet()) {
      int spot = bot.getValue().get(0);
      send(
          bot.getKey(),
          ToBot.Kind.GAME_END,
          dropped
              ? Frame.GameEnd.aborted(id, game.stats(spot))
              : referee.aborted()
                  ? Frame.GameEnd.calledOff(id, game.stats(spot))
                  : game.outcome().endFrame(id, spot, game.stats(spot)));
    }
  }

  /**
   * Whether the game was called off because a bot was gone before it played a step
   * (Referee#aborted).
   */
  synchronized boolean aborted() {
    return referee.aborted();
  }

  private void cancelDeadline() {
    if (deadline != null) {
      deadline.cancel(false);
      deadline = null;
    }
  }

  private void cancelContinuation() {
    slices++;
    if (continuation != null) {
      continuation.cancel(false);
      continuation = null;
    }
  }

  /** The spots of each bot that connects (house bots are told nothing). */
  private Map<Long, List<Integer>> spotsByBot() {
    Map<Long, List<Integer>> bots = new LinkedHashMap<>();
    seats.values().stream()
        .filter(s -> !s.isHouse())
        .forEach(s -> bots.computeIfAbsent(s.botId(), b -> new ArrayList<>()).add(s.spot()));
    return bots;
  }

  private void send(long botId, ToBot.Kind kind, Frame frame) {
    host.send(gateways.get(botId), botId, id, kind, frame.json());
  }
}

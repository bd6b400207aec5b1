package org.botarena.jobs.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.botarena.arena.play.DebugCommand;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.games.Games;
import org.botarena.games.referee.StepRules;
import org.botarena.games.replay.ReplayVerifier;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/** The event-driven game loop against a recording host (timers fire when the test says). */
class RunningGameTest {

  private final List<JsonNode> sent = new ArrayList<>();
  private final List<Runnable> timers = new ArrayList<>();

  /** Every timer's delay: deadlines have one, the next slice of a house bots' run none. */
  private final List<Long> delays = new ArrayList<>();

  private int finished;

  private final GameHost host =
      new GameHost() {
        @Override
        public void send(String gateway, long botId, String game, ToBot.Kind kind, String frame) {
          // a frame for a bot whose connection is gone (no gateway) reaches nobody
          sent.add(
              Json.object()
                  .put("bot", botId)
                  .put("gateway", gateway)
                  .set("frame", Json.parse(frame)));
        }

        @Override
        public Future<?> schedule(Runnable task, long millis) {
          timers.add(task);
          delays.add(millis);
          return new CompletableFuture<>();
        }

        @Override
        public void finished(RunningGame game) {
          finished++;
        }
      };

  private final MatchPlan plan =
      new MatchPlan(
          UUID.randomUUID(),
          1,
          "simple",
          "{}",
          7,
          List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", "i1")));
  private final RunningGame game =
      new RunningGame(plan, Games.type("simple"), new StepRules(1000, 3), host);

  private void act(long bot, int spot, long seq, String action) {
    game.receive(ToRunner.action(game.id(), bot, spot, seq, action, "i1"));
  }

  private List<String> types(long bot) {
    return sent.stream()
        .filter(f -> f.get("bot").asLong() == bot)
        .map(
            f ->
                f.get("frame").get("type").asText()
                    + (f.get("frame").has("code") ? ":" + f.get("frame").get("code").asText() : ""))
        .toList();
  }

  @Test
  void bothSpotsActingPlayTheGameToItsEnd() {
    game.begin();
    for (int seq = 1; seq <= 4; seq++) {
      act(10, 0, seq, "[3]");
      act(20, 1, seq, "[2]");
    }
    assertEquals(1, finished);
    assertTrue(game.game().finished());
    assertEquals(List.of(0), game.game().outcome().winners(), "12 beats 8");
    assertEquals(4, game.recorder().frames().size());
    assertEquals("game_start", types(10).get(0));
  }

  @Test
  void aStaleOrForeignActionIsRefusedAndNotApplied() {
    game.begin();
    act(10, 0, 5, "[3]");
    act(20, 0, 1, "[3]"); // bot 20 does not hold spot 0
    assertEquals(List.of("game_start", "step", "error:STALE_ACTION"), types(10).subList(0, 3));
    assertTrue(types(20).contains("error:STALE_ACTION"));
    assertEquals(0, game.game().steps());
  }

  @Test
  void anInvalidActionForfeitsWithAReason() {
    game.begin();
    act(10, 0, 1, "[9]");
    assertEquals(1, finished);
    assertEquals(EndReason.INVALID_ACTION, game.game().outcome().reason());
    assertEquals(List.of(1), game.game().outcome().winners());
    JsonNode error =
        sent.stream()
            .map(f -> f.get("frame"))
            .filter(f -> "INVALID_ACTION".equals(f.path("code").asText()))
            .findFirst()
            .orElseThrow();
    assertTrue(error.get("message").asText().contains("0..3"), error.toString());
  }

  @Test
  void missedDeadlinesPlayTheNoOpThenForfeit() {
    game.begin();
    act(20, 1, 1, "[1]");
    timers.get(timers.size() - 1).run(); // spot 0 missed step 1: no-op applied
    assertEquals(1, game.game().steps());
    act(20, 1, 2, "[1]");
    timers.get(timers.size() - 1).run();
    act(20, 1, 3, "[1]");
    timers.get(timers.size() - 1).run(); // third miss in a row
    assertEquals(EndReason.TIMEOUT, game.game().outcome().reason());
    assertEquals(List.of(1), game.game().outcome().winners());
    assertEquals(1, finished);
  }

  @Test
  void aDisconnectEndsTheGameOnce() {
    game.begin();
    act(10, 0, 1, "[3]");
    act(20, 1, 1, "[2]");
    game.receive(ToRunner.disconnect(game.id(), 20, "i1"));
    game.receive(ToRunner.disconnect(game.id(), 20, "i1"));
    assertEquals(1, finished);
    assertEquals(EndReason.DISCONNECT, game.game().outcome().reason());
    assertEquals(List.of(0), game.game().outcome().winners());
    assertFalse(game.aborted());
  }

  @Test
  void aBotGoneBeforeItPlayedAStepCallsTheGameOff() {
    game.begin();
    act(10, 0, 1, "[3]");
    game.receive(ToRunner.disconnect(game.id(), 20, "i1"));
    assertEquals(1, finished);
    assertTrue(game.aborted(), "nobody played against it: nobody won");
    assertFalse(game.game().finished());
    game.announceEnd(false);
    JsonNode end = frames(10).get(frames(10).size() - 1);
    assertEquals("game_end", end.get("type").asText());
    assertEquals("aborted", end.get("result").asText());
    assertEquals("disconnect", end.get("reason").asText());
  }

  @Test
  void aBotNotConnectedWhenItsGameStartsCallsItOff() {
    MatchPlan absent =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{}",
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", null)));
    RunningGame g =
        new RunningGame(absent, Games.type("simple"), new StepRules(1000, 3), host, 5000);
    g.begin();
    assertEquals(1, finished);
    assertTrue(g.aborted());
  }

  private RunningGame withGrace() {
    return new RunningGame(plan, Games.type("simple"), new StepRules(1000, 3), host, GRACE_MS);
  }

  private static final long GRACE_MS = 5000;

  /** The timer set for the grace period (deadlines have the step's 1000 ms). */
  private Runnable graceTimer() {
    int at = delays.lastIndexOf(GRACE_MS);
    assertTrue(at >= 0, "a grace timer was set: " + delays);
    return timers.get(at);
  }

  private void act(RunningGame g, long bot, int spot, long seq, String action, String gateway) {
    g.receive(ToRunner.action(g.id(), bot, spot, seq, action, gateway));
  }

  @Test
  void aBotBackWithinTheGraceGoesOnFromTheCurrentStepOnItsNewGateway() {
    RunningGame g = withGrace();
    g.begin();
    act(g, 10, 0, 1, "[3]", "i1");
    act(g, 20, 1, 1, "[2]", "i1");
    g.receive(ToRunner.disconnect(g.id(), 20, "i1", "c1"));
    assertEquals(0, finished, "the game waits for the bot");
    act(g, 10, 0, 2, "[3]", "i1");
    g.receive(ToRunner.rebind(g.id(), 20, "i2", "c2"));
    JsonNode again = sent.get(sent.size() - 1);
    assertEquals(
        "i2", again.get("gateway").asText(), "the open step is asked again on the new connection");
    assertEquals("step", again.get("frame").get("type").asText());
    assertEquals(2, again.get("frame").get("seq").asLong());
    assertTrue(
        again.get("frame").get("deadline_ms").asInt() <= 1000,
        "only the time left to the deadline");
    g.receive(
        ToRunner.disconnect(g.id(), 20, "i1", "c1")); // the old connection's close, late: ignored
    graceTimer().run(); // cancelled by the return; firing anyway changes nothing
    for (int seq = 2; seq <= 4; seq++) {
      if (seq > 2) {
        act(g, 10, 0, seq, "[3]", "i1");
      }
      act(g, 20, 1, seq, "[2]", "i2");
    }
    assertEquals(1, finished);
    assertEquals(EndReason.NORMAL, g.game().outcome().reason());
    assertEquals(4, g.game().steps());
  }

  @Test
  void stepsMissedWhileAwayAreTimeoutsAndAfterTheGraceTheBotForfeits() {
    RunningGame g = withGrace();
    g.begin();
    act(g, 10, 0, 1, "[3]", "i1");
    act(g, 20, 1, 1, "[2]", "i1");
    g.receive(ToRunner.disconnect(g.id(), 20, "i1", "c1"));
    act(g, 10, 0, 2, "[3]", "i1");
    timers.get(delays.lastIndexOf(1000L)).run(); // step 2's deadline: the no-op for the absent bot
    assertEquals(2, g.game().steps());
    assertEquals(0, finished);
    graceTimer().run();
    assertEquals(1, finished);
    assertEquals(EndReason.DISCONNECT, g.game().outcome().reason());
    assertEquals(List.of(0), g.game().outcome().winners());
  }

  @Test
  void theCloseOfAnOlderConnectionOnTheSameInstanceIsNotTakenForTheNewOnes() {
    RunningGame g = withGrace();
    g.begin();
    act(g, 10, 0, 1, "[3]", "i1");
    act(g, 20, 1, 1, "[2]", "i1");
    g.receive(
        ToRunner.rebind(g.id(), 20, "i1", "c2")); // reconnected before the old socket's close came
    g.receive(ToRunner.disconnect(g.id(), 20, "i1", "c1"));
    assertEquals(-1, delays.indexOf(GRACE_MS), "no grace period: the bot is connected");
    act(g, 10, 0, 2, "[3]", "i1");
    act(g, 20, 1, 2, "[2]", "i1");
    assertEquals(2, g.game().steps());
  }

  @Test
  void aNonFiniteActionIsAnInvalidActionThatSaysSo() {
    game.begin();
    act(10, 0, 1, "[NaN]");
    assertEquals(EndReason.INVALID_ACTION, game.game().outcome().reason());
    JsonNode error =
        frames(10).stream()
            .filter(f -> "INVALID_ACTION".equals(f.path("code").asText()))
            .findFirst()
            .orElseThrow();
    assertTrue(error.get("message").asText().contains("NaN"), error.toString());
  }

  @Test
  void theMatchConfigCarriesThePlatformsTimingApartFromTheGames() {
    MatchPlan timed =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{\"target\":4,\"deadline_ms\":250,\"max_timeouts\":1}",
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", "i1")));
    RunningGame quick = new RunningGame(timed, Games.type("simple"), new StepRules(1000, 3), host);
    quick.begin();
    JsonNode start = frames(10).get(0);
    assertEquals(
        4, start.get("config").get("target").asInt(), "the game's own key reaches the game");
    assertEquals(250, start.get("config").get("deadline_ms").asInt(), "bots are told the deadline");
    assertEquals(250, frames(10).get(1).get("deadline_ms").asInt());
    assertEquals(
        false,
        quick.recorder().replay(quick.game()).header().config().has("deadline_ms"),
        "the replay holds the game's config");
    quick.receive(ToRunner.action(quick.id(), 20, 1, 1, "[1]", "i1"));
    timers.get(timers.size() - 1).run(); // one miss is enough with max_timeouts 1
    assertEquals(EndReason.TIMEOUT, quick.game().outcome().reason());
  }

  @Test
  void oneBotMayHoldSeveralSpots() {
    MatchPlan both =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{}",
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 10, "a", "i1")));
    RunningGame solo = new RunningGame(both, Games.type("simple"), new StepRules(1000, 3), host);
    solo.begin();
    List<JsonNode> toBot = frames(10);
    assertEquals("game_start", toBot.get(0).get("type").asText());
    assertEquals("[0,1]", toBot.get(0).get("spots").toString());
    assertEquals(
        1, toBot.stream().filter(f -> f.get("type").asText().equals("game_start")).count());
    for (int seq = 1; seq <= 4; seq++) {
      solo.receive(ToRunner.action(solo.id(), 10, 0, seq, "[3]", "i1"));
      solo.receive(ToRunner.action(solo.id(), 10, 1, seq, "[1]", "i1"));
    }
    assertTrue(solo.game().finished());
    assertEquals(List.of(0), solo.game().outcome().winners());
  }

  @Test
  void inATurnBasedGameOnlyTheSpotToMoveIsAsked() {
    MatchPlan c4 =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "connect4",
            "{}",
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", "i1")));
    RunningGame turns = new RunningGame(c4, Games.type("connect4"), new StepRules(1000, 3), host);
    turns.begin();
    for (int move = 0; move < 4; move++) {
      List<JsonNode> steps =
          sent.stream()
              .map(f -> f.get("frame"))
              .filter(f -> f.get("type").asText().equals("step"))
              .toList();
      assertEquals(move + 1, steps.size(), "one step per move");
      JsonNode step = steps.get(move);
      long bot = step.get("spot").asInt() == 0 ? 10 : 20;
      turns.receive(
          ToRunner.action(
              turns.id(),
              bot,
              step.get("spot").asInt(),
              step.get("seq").asLong(),
              "[" + move + "]",
              "i1"));
    }
    List<Integer> spots =
        sent.stream()
            .map(f -> f.get("frame"))
            .filter(f -> f.get("type").asText().equals("step"))
            .map(f -> f.get("spot").asInt())
            .toList();
    assertEquals(List.of(0, 1, 0, 1, 0), spots, "the spots take turns");
  }

  @Test
  void aGameRunningTooLongIsDroppedOnceAndTheBotsAreToldItWasAborted() {
    game.begin();
    long now = System.currentTimeMillis();
    assertEquals(false, game.dropIfOlderThan(60_000, now), "a young game goes on");
    assertTrue(game.dropIfOlderThan(60_000, now + 61_000));
    assertEquals(false, game.dropIfOlderThan(60_000, now + 62_000), "dropped once");
    assertEquals(1, finished);
    assertEquals("max_duration", game.dropCause());
    game.announceEnd(true);
    JsonNode end =
        frames(10).stream()
            .filter(f -> f.get("type").asText().equals("game_end"))
            .findFirst()
            .orElseThrow();
    assertEquals("aborted", end.get("result").asText());
    assertEquals("dropped", end.get("reason").asText());
    act(10, 0, 1, "[1]");
    assertEquals(
        "STALE_ACTION",
        frames(10).get(frames(10).size() - 1).get("code").asText(),
        "a dropped game takes no actions");
  }

  @Test
  void eachSeatKeepsItsStepsAndTimeoutsUnderTheDeadlineInForce() {
    game.begin();
    act(20, 1, 1, "[1]");
    timers.get(timers.size() - 1).run(); // spot 0 missed step 1
    act(10, 0, 2, "[1]");
    act(20, 1, 2, "[1]");
    var latency = game.latency();
    assertEquals(2, latency.get(0).steps());
    assertEquals(1, latency.get(0).timeouts());
    assertEquals(1000, latency.get(0).deadlineMs());
    assertTrue(
        latency.get(0).times().percentile(100) >= 1_000_000, "the miss counts as the deadline");
    assertEquals(2, latency.get(1).steps());
    assertEquals(0, latency.get(1).timeouts());
    assertTrue(latency.get(1).times().percentile(100) < 1_000_000, "answered before the deadline");
  }

  @Test
  void aHouseSeatHasNoStepTimes() {
    MatchPlan plan =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{}",
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 99, "house-greedy", null, "greedy")));
    RunningGame withHouse =
        new RunningGame(plan, Games.type("simple"), new StepRules(1000, 3), host);
    withHouse.begin();
    withHouse.receive(ToRunner.action(withHouse.id(), 10, 0, 1, "[1]", "i1"));
    assertEquals(java.util.Set.of(0), withHouse.latency().keySet());
    assertEquals(1, withHouse.latency().get(0).steps());
  }

  @Test
  void aHouseSeatIsPlayedByTheRunnerItself() {
    MatchPlan plan =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{}",
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 99, "house-greedy", null, "greedy")));
    RunningGame withHouse =
        new RunningGame(plan, Games.type("simple"), new StepRules(1000, 3), host);
    withHouse.begin();
    assertEquals("[\"house-greedy\"]", frames(10).get(0).get("opponents").toString());
    for (int seq = 1; !withHouse.game().finished(); seq++) {
      withHouse.receive(ToRunner.action(withHouse.id(), 10, 0, seq, "[1]", "i1"));
    }
    assertEquals(
        List.of(1), withHouse.game().outcome().winners(), "greedy adds 3 a step and beats [1]");
    assertEquals(List.of(), frames(99), "nothing is sent for the house bot");
    withHouse.receive(ToRunner.action(withHouse.id(), 10, 1, 1, "[3]", "i1"));
    assertEquals(1, finished);
  }

  @Test
  void houseBotsAlonePlayAGameThrough() {
    MatchPlan plan =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "connect4",
            "{}",
            7,
            List.of(
                new Seat(0, 98, "h1", null, "random"), new Seat(1, 99, "h2", null, "tactical")));
    RunningGame houses =
        new RunningGame(plan, Games.type("connect4"), new StepRules(1000, 3), host);
    houses.begin();
    runTimers(); // a slow machine may end a slice by time before the 42 moves
    assertTrue(houses.game().finished());
    assertEquals(1, finished);
    assertEquals(List.of(), sent);
    assertTrue(delays.stream().allMatch(d -> d == 0), "no deadline is ever set for house bots");
  }

  private RunningGame houseHockey(String config, boolean debug) {
    MatchPlan plan =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "hockey",
            config,
            7,
            List.of(new Seat(0, 98, "h1", null, "strong"), new Seat(1, 99, "h2", null, "weak")),
            debug);
    return new RunningGame(plan, Games.type("hockey"), new StepRules(1000, 3), host);
  }

  /** Runs the scheduled tasks until none is left; returns how many ran. */
  private int runTimers() {
    int ran = 0;
    while (!timers.isEmpty()) {
      timers.remove(0).run();
      ran++;
    }
    return ran;
  }

  @Test
  void houseBotsAlonePlayInSlicesThatLetGoOfTheLock() {
    // the debug game: the largest hockey config, house bots on both spots
    RunningGame houses = houseHockey("{\"max_steps\":1000,\"rounds\":20}", true);
    houses.begin();
    assertEquals(false, houses.game().finished(), "one slice, not the whole game");
    assertTrue(
        houses.game().steps() <= RunningGame.SLICE_STEPS,
        houses.game().steps() + " steps in one go");
    assertEquals(1, timers.size(), "the rest is scheduled");
    int slices = 1;
    long longest = 0;
    long total = 0;
    while (!timers.isEmpty()) {
      int before = houses.game().steps();
      long start = System.nanoTime();
      timers.remove(0).run();
      longest = Math.max(longest, System.nanoTime() - start);
      total += System.nanoTime() - start;
      assertTrue(houses.game().steps() - before <= RunningGame.SLICE_STEPS);
      slices++;
    }
    System.out.printf(
        "house-only hockey, %d steps in %d slices, the longest %.1f ms, %.0f ms in all%n",
        houses.game().steps(), slices, longest / 1e6, total / 1e6);
    assertTrue(houses.game().finished());
    assertTrue(slices >= houses.game().steps() / RunningGame.SLICE_STEPS, slices + " slices");
    assertEquals(1, finished);
    assertEquals(houses.game().steps(), houses.recorder().steps());
    assertTrue(
        new ReplayVerifier().verify(houses.recorder().replay(houses.game())).ok(),
        "sliced, the same game");
  }

  @Test
  void theDropSweepGetsInBetweenSlicesAndTheRestIsNotPlayed() {
    RunningGame houses = houseHockey("{\"max_steps\":1000,\"rounds\":20}", false);
    houses.begin();
    int steps = houses.game().steps();
    assertTrue(houses.dropIfOlderThan(0, System.currentTimeMillis() + 1), "between two slices");
    runTimers();
    assertEquals(steps, houses.game().steps(), "a dropped game plays no further slice");
    assertEquals("max_duration", houses.dropCause());
    assertEquals(1, finished);
  }

  @Test
  void onAnExecutorTheDropSweepTakesTheLockWhileHouseBotsPlay() throws Exception {
    java.util.concurrent.ScheduledExecutorService executor =
        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
    try {
      GameHost real =
          new GameHost() {
            @Override
            public void send(
                String gateway, long botId, String game, ToBot.Kind kind, String frame) {}

            @Override
            public Future<?> schedule(Runnable task, long millis) {
              return executor.schedule(task, millis, java.util.concurrent.TimeUnit.MILLISECONDS);
            }

            @Override
            public void finished(RunningGame game) {
              finished++;
            }
          };
      MatchPlan plan =
          new MatchPlan(
              UUID.randomUUID(),
              1,
              "hockey",
              "{\"max_steps\":1000,\"rounds\":20}",
              7,
              List.of(new Seat(0, 98, "h1", null, "strong"), new Seat(1, 99, "h2", null, "weak")),
              true);
      RunningGame houses =
          new RunningGame(plan, Games.type("hockey"), new StepRules(1000, 3), real);
      executor.execute(houses::begin);
      while (houses.recorder().steps() == 0) {
        Thread.sleep(1);
      }
      long asked = System.nanoTime();
      boolean dropped =
          houses.dropIfOlderThan(0, System.currentTimeMillis() + 1); // the sweep, on its own thread
      long waited = System.nanoTime() - asked;
      assertTrue(dropped, "the sweep got the lock before the game was over");
      System.out.printf(
          "the drop sweep waited %.1f ms for a house-only game's lock%n", waited / 1e6);
      executor.submit(() -> {}).get(); // what was scheduled has run
      assertEquals(false, houses.game().finished(), "the rest was not played");
      assertEquals(1, finished);
    } finally {
      executor.shutdownNow();
    }
  }

  @Test
  void aDebugGamePausedBetweenSlicesHoldsAfterTheStepLeftOpen() {
    RunningGame houses = houseHockey("{\"max_steps\":1000,\"rounds\":20}", true);
    houses.begin();
    int steps = houses.game().steps();
    houses.receive(ToRunner.control(houses.id(), DebugCommand.PAUSE, -1, "w1"));
    runTimers();
    assertEquals(steps + 1, houses.game().steps(), "the step already opened is played, then held");
    houses.receive(ToRunner.control(houses.id(), DebugCommand.REWIND, 3, "w1"));
    houses.receive(ToRunner.control(houses.id(), DebugCommand.RESUME, -1, "w1"));
    assertTrue(houses.game().steps() <= 3 + RunningGame.SLICE_STEPS);
    runTimers();
    assertTrue(houses.game().finished());
    assertTrue(new ReplayVerifier().verify(houses.recorder().replay(houses.game())).ok());
  }

  @Test
  void aGameGoingPastItsConfigsWorstCaseIsDroppedAndItsFramesCapped() {
    // a game type whose maxSteps is wrong (5) for a game that goes on: the cap holds all the same
    GameType simple = Games.type("simple");
    GameType lying =
        new GameType() {
          public String name() {
            return simple.name();
          }

          public String version() {
            return simple.version();
          }

          public int players() {
            return 2;
          }

          public ObjectNode config(JsonNode overrides) {
            return simple.config(overrides);
          }

          public int maxSteps(ObjectNode config) {
            return 5;
          }

          public Game create(ObjectNode config, long seed) {
            return simple.create(config, seed);
          }

          public Game restore(JsonNode state) {
            return simple.restore(state);
          }

          public Map<String, HouseBot.Factory> houseBots() {
            return simple.houseBots();
          }
        };
    MatchPlan plan =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{\"target\":10000,\"max_steps\":10000}",
            7,
            List.of(new Seat(0, 98, "h1", null, "random"), new Seat(1, 99, "h2", null, "greedy")));
    RunningGame g = new RunningGame(plan, lying, new StepRules(1000, 3), host);
    g.begin();
    runTimers();
    assertEquals(5, g.recorder().steps());
    assertEquals("max_steps", g.dropCause());
    assertEquals(1, finished);
  }

  private RunningGame debugGame(String config) {
    MatchPlan plan =
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            config,
            7,
            List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", "i1")),
            true);
    RunningGame debug = new RunningGame(plan, Games.type("simple"), new StepRules(1000, 3), host);
    debug.begin();
    debug.receive(
        ToRunner.watch(debug.id(), "w1")); // a browser watches on instance w1 (bot 0 here)
    return debug;
  }

  private void control(RunningGame g, DebugCommand command, long step) {
    g.receive(ToRunner.control(g.id(), command, step, "w1"));
  }

  private static void play(RunningGame g, long seq, String a, String b) {
    g.receive(ToRunner.action(g.id(), 10, 0, seq, a, "i1"));
    g.receive(ToRunner.action(g.id(), 20, 1, seq, b, "i1"));
  }

  private long stepsSentTo(long bot) {
    return frames(bot).stream().filter(f -> f.get("type").asText().equals("step")).count();
  }

  @Test
  void aDebugGameStartedPausedIsSteppedOnceAtATimeAndRewound() {
    RunningGame g = debugGame("{\"start_paused\":true}");
    assertEquals(0, stepsSentTo(10), "held before the first step");
    assertEquals(false, frames(10).get(0).get("config").has("start_paused"), "bots are not told");
    control(g, DebugCommand.STEP, -1);
    assertEquals(1, stepsSentTo(10));
    play(g, 1, "[3]", "[2]");
    assertEquals(1, g.game().steps());
    assertEquals(1, stepsSentTo(10), "held again after one step");
    JsonNode status = frames(0).get(frames(0).size() - 1);
    assertEquals("debug", status.get("type").asText());
    assertTrue(status.get("paused").asBoolean());
    assertEquals(1, status.get("seq").asInt());
    control(g, DebugCommand.STEP, -1);
    play(g, 2, "[3]", "[2]");
    assertEquals(2, g.game().steps());

    control(g, DebugCommand.REWIND, 1);
    assertEquals(1, g.game().steps(), "back after step 1");
    assertEquals(1, g.recorder().frames().size(), "step 2 is forgotten");
    assertEquals(g.recorder().frames().get(0).state(), g.game().state());
    JsonNode rewind =
        frames(0).stream()
            .filter(f -> f.get("type").asText().equals("rewind"))
            .findFirst()
            .orElseThrow();
    assertEquals(1, rewind.get("seq").asInt());
    assertTrue(
        frames(10).stream().anyMatch(f -> f.get("type").asText().equals("message")),
        "the bots are told");
    play(g, 2, "[3]", "[2]");
    assertEquals(
        "error:STALE_ACTION",
        types(10).get(types(10).size() - 1),
        "step 2 was not asked again yet");

    control(g, DebugCommand.RESUME, -1);
    for (long seq = 3; !g.game().finished(); seq++) {
      play(g, seq, "[1]", "[3]");
    }
    assertEquals(List.of(1), g.game().outcome().winners(), "the branch after the rewind decides");
    assertEquals(1, finished);
    List<Integer> steps = g.recorder().frames().stream().map(f -> f.step()).toList();
    assertEquals(java.util.stream.IntStream.rangeClosed(1, steps.size()).boxed().toList(), steps);
    assertTrue(
        new ReplayVerifier().verify(g.recorder().replay(g.game())).ok(),
        "the stored replay re-simulates from its seed and actions");
  }

  @Test
  void pausingWhileAStepIsOutHoldsAfterThatStep() {
    RunningGame g = debugGame("{}");
    assertEquals(1, stepsSentTo(10), "a debug game runs unless told otherwise");
    control(g, DebugCommand.PAUSE, -1);
    play(g, 1, "[1]", "[1]");
    assertEquals(1, g.game().steps());
    assertEquals(1, stepsSentTo(10));
    control(g, DebugCommand.REWIND, 5);
    assertEquals(1, g.game().steps(), "no step 5 to go back to: nothing changes");
    control(g, DebugCommand.RESUME, -1);
    assertEquals(2, stepsSentTo(10));
  }

  @Test
  void aStoppedDebugGameEndsAtOnceAsDropped() {
    RunningGame held = houseHockey("{\"start_paused\":true}", true);
    held.begin();
    assertEquals(0, held.game().steps(), "held before its first step");
    held.receive(ToRunner.control(held.id(), DebugCommand.STOP, -1, "w1"));
    assertEquals(1, finished);
    assertEquals("stopped", held.dropCause());
    game.begin();
    game.receive(ToRunner.control(game.id(), DebugCommand.STOP, -1, "w1"));
    assertEquals(1, finished, "a training game cannot be stopped");
  }

  @Test
  void onlyDebugGamesTakeControls() {
    game.begin();
    game.receive(ToRunner.control(game.id(), DebugCommand.PAUSE, -1, "w1"));
    act(10, 0, 1, "[1]");
    act(20, 1, 1, "[1]");
    assertEquals(2, stepsSentTo(10), "the training game went on");
    game.receive(ToRunner.control(game.id(), DebugCommand.REWIND, 0, "w1"));
    assertEquals(1, game.game().steps());
  }

  private List<JsonNode> frames(long bot) {
    return sent.stream()
        .filter(f -> f.get("bot").asLong() == bot)
        .map(f -> f.get("frame"))
        .toList();
  }
}

package org.botarena.jobs.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.botarena.arena.play.DebugCommand;
import org.botarena.arena.play.Fork;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.games.Games;
import org.botarena.games.referee.StepRules;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayCheck;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.games.replay.ReplayVerifier;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/** A debug game forked from a finished one: the origin's first steps, then play on from there. */
class ForkedGameTest {

  private final List<JsonNode> sent = new ArrayList<>();
  private int finished;

  private final GameHost host =
      new GameHost() {
        @Override
        public void send(String gateway, long botId, String game, ToBot.Kind kind, String frame) {
          sent.add(Json.object().put("bot", botId).set("frame", Json.parse(frame)));
        }

        @Override
        public Future<?> schedule(Runnable task, long millis) {
          return new CompletableFuture<>();
        }

        @Override
        public void finished(RunningGame game) {
          finished++;
        }
      };

  /** simple to 10 with seed 7: spot 0 adds 3, spot 1 adds 1; spot 0 wins at step 4 (12 to 4). */
  private byte[] origin() {
    RunningGame origin =
        new RunningGame(
            new MatchPlan(
                UUID.randomUUID(),
                1,
                "simple",
                "{}",
                7,
                List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", "i1"))),
            Games.type("simple"),
            new StepRules(1000, 3),
            host);
    origin.begin();
    for (int seq = 1; seq <= 4; seq++) {
      act(origin, 10, 0, seq, "[3]");
      act(origin, 20, 1, seq, "[1]");
    }
    assertTrue(origin.game().finished());
    finished = 0;
    return origin.recorder().toGzipJsonLines(origin.game());
  }

  private static void act(RunningGame g, long bot, int spot, long seq, String action) {
    g.receive(ToRunner.action(g.id(), bot, spot, seq, action, "i1"));
  }

  private RunningGame fork(byte[] origin, int step, long seed) {
    return new RunningGame(
        new MatchPlan(
            UUID.randomUUID(),
            1,
            "simple",
            "{\"start_paused\":true}",
            seed,
            List.of(new Seat(0, 30, "mine", "i1"), new Seat(1, 40, "house greedy", null, "greedy")),
            true,
            new Fork(UUID.randomUUID(), step, origin, Set.of(1))),
        Games.type("simple"),
        new StepRules(1000, 3),
        host);
  }

  private long steps(long bot) {
    return sent.stream()
        .filter(f -> f.get("bot").asLong() == bot && "step".equals(f.at("/frame/type").asText()))
        .count();
  }

  @Test
  void aForkStartsHeldAtStepKWithTheOriginsStepsThenPlaysOnAgainstTheRecordedActions() {
    byte[] bytes = origin();
    Replay origin = Replay.read(new ByteArrayInputStream(bytes));
    RunningGame fork = fork(bytes, 1, 7);
    assertEquals(1, fork.game().steps());
    assertEquals(origin.frames().subList(0, 1), fork.recorder().frames(), "the origin's step 1");
    fork.begin();
    assertEquals(0, steps(30), "held at step 1");

    fork.receive(ToRunner.control(fork.id(), DebugCommand.RESUME, -1, "w1"));
    // spot 0 now adds 1: 4:2, 5:3, 6:4 on the recorded [1]s; then greedy's [3]s: 7:7, 8:10
    for (int seq = 1; seq <= 5; seq++) {
      act(fork, 30, 0, seq, "[1]");
    }
    assertEquals(1, finished);
    assertEquals(List.of(1), fork.game().outcome().winners());
    List<String> spot1 = new ArrayList<>();
    fork.recorder().frames().forEach(f -> spot1.add(f.actions().get(1).toString()));
    assertEquals(List.of("[1]", "[1]", "[1]", "[1]", "[3]", "[3]"), spot1);

    // its replay plays again from its own seed and actions, like any other
    Replay replay =
        Replay.read(new ByteArrayInputStream(fork.recorder().toGzipJsonLines(fork.game())));
    ReplayCheck check = new ReplayVerifier().verify(replay);
    assertTrue(check.ok(), check.summary());
    assertEquals(6, check.framesChecked());
    ReplayFrame first = replay.frames().get(0);
    assertEquals(origin.frames().get(0), first);
  }

  @Test
  void aForkWithAnotherSeedOrWithoutItsOriginsReplayIsRefused() {
    byte[] bytes = origin();
    assertThrows(IllegalStateException.class, () -> fork(bytes, 1, 8));
    IllegalStateException gone = assertThrows(IllegalStateException.class, () -> fork(null, 1, 7));
    assertTrue(gone.getMessage().contains("is gone"), gone.getMessage());
  }
}

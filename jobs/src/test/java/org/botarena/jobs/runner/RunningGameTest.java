package org.botarena.jobs.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Future;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.games.Games;
import org.botarena.games.Json;
import org.botarena.games.spi.EndReason;
import org.junit.jupiter.api.Test;

/** The event-driven game loop against a recording host (timers fire when the test says). */
class RunningGameTest {

  private final List<JsonNode> sent = new ArrayList<>();
  private final List<Runnable> timers = new ArrayList<>();
  private int finished;

  private final GameHost host = new GameHost() {
    @Override
    public void send(String gateway, long botId, String game, ToBot.Kind kind, String frame) {
      sent.add(Json.object().put("bot", botId).set("frame", Json.parse(frame)));
    }

    @Override
    public Future<?> schedule(Runnable task, long millis) {
      timers.add(task);
      return new CompletableFuture<>();
    }

    @Override
    public void finished(RunningGame game) {
      finished++;
    }
  };

  private final MatchPlan plan = new MatchPlan(UUID.randomUUID(), 1, "simple", "{}", 7,
      List.of(new Seat(0, 10, "a", "i1"), new Seat(1, 20, "b", "i1")));
  private final RunningGame game = new RunningGame(plan, Games.type("simple"), new StepPolicy(1000, 3), host);

  private void act(long bot, int spot, long seq, String action) {
    game.receive(ToRunner.action(game.id(), bot, spot, seq, action, "i1"));
  }

  private List<String> types(long bot) {
    return sent.stream().filter(f -> f.get("bot").asLong() == bot)
        .map(f -> f.get("frame").get("type").asText() + (f.get("frame").has("code") ? ":" + f.get("frame").get("code").asText() : ""))
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
    JsonNode error = sent.stream().map(f -> f.get("frame")).filter(f -> "INVALID_ACTION".equals(f.path("code").asText())).findFirst().orElseThrow();
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
    game.receive(ToRunner.disconnect(game.id(), 20, "i1"));
    game.receive(ToRunner.disconnect(game.id(), 20, "i1"));
    assertEquals(1, finished);
    assertEquals(EndReason.DISCONNECT, game.game().outcome().reason());
    assertEquals(List.of(0), game.game().outcome().winners());
  }
}

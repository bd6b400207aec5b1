package org.botarena.games.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A bot over a real WebSocket against the local runner: full games, the protocol's errors. */
class LocalWebSocketTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();

  private static int freePort() throws Exception {
    try (ServerSocket socket = new ServerSocket(0)) {
      return socket.getLocalPort();
    }
  }

  private CompletableFuture<Integer> runner(String... args) {
    PrintStream print = new PrintStream(out, true, StandardCharsets.UTF_8);
    return CompletableFuture.supplyAsync(
        () -> LocalMain.run(args, print, print), LocalWebSocketTest::thread);
  }

  /**
   * A thread of its own for each runner and bot: the common pool has one thread on two cores, and a
   * blocked runner there would keep the next test's runner from starting.
   */
  private static void thread(Runnable task) {
    Thread thread = new Thread(task, "local-runner-test");
    thread.setDaemon(true);
    thread.start();
  }

  /** The leftmost column that is not full, from a connect-four observation (top row first). */
  private static int openColumn(JsonNode observation) {
    for (int column = 0; column < 7; column++) {
      if (observation.get(column).asInt() == 0) {
        return column;
      }
    }
    throw new AssertionError("the board is full");
  }

  /** Plays {@code games} games of sum-to-ten adding {@code add} each step; returns the results. */
  private static java.util.List<String> play(WsTestBot bot, int add, int games)
      throws InterruptedException {
    java.util.List<String> results = new java.util.ArrayList<>();
    while (results.size() < games) {
      JsonNode message = bot.next();
      switch (message.get("type").asText()) {
        case "game_start" -> {
          assertEquals(
              60000,
              message.get("config").get("deadline_ms").asInt(),
              "told as the server tells it");
          assertEquals(2, message.get("config").get("max_timeouts").asInt());
        }
        case "step" -> bot.send(WsTestBot.action(message, Json.array().add(add)));
        case "game_end" -> results.add(message.get("result").asText());
        default -> {}
      }
    }
    return results;
  }

  @Test
  void twoBotsPlayEachOtherAndTheirTokensSayWhichPlayerTheyAre() throws Exception {
    int port = freePort();
    CompletableFuture<Integer> run =
        runner(
            "--game",
            "simple",
            "--p1",
            "ws",
            "--p2",
            "ws",
            "--games",
            "2",
            "--port",
            String.valueOf(port),
            "--json",
            "--no-replays",
            "--wait-s",
            "20",
            "--config",
            "{\"target\":9,\"max_timeouts\":2,\"deadline_ms\":60000}"); // no step can time out,
    // however slow the machine
    try (WsTestBot second = WsTestBot.connect(port);
        WsTestBot first = WsTestBot.connect(port)) {
      second.hello("p2"); // the second player connects first: it still plays p2
      first.hello("p1");
      CompletableFuture<java.util.List<String>> p2 =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return play(second, 1, 2);
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              },
              LocalWebSocketTest::thread);
      assertEquals(
          java.util.List.of("win", "win"), play(first, 3, 2), "p1 adds 3 and wins both sides");
      assertEquals(java.util.List.of("loss", "loss"), p2.get(30, TimeUnit.SECONDS));
    }
    assertEquals(0, run.get(30, TimeUnit.SECONDS), out.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    JsonNode summary = Json.parse(text.substring(text.lastIndexOf("{\"game\"")).trim());
    assertEquals(2, summary.get("players").get(0).get("wins").asInt(), text);
    assertEquals(2, summary.get("players").get(1).get("losses").asInt(), text);
  }

  @Test
  void aBotPlaysConnectFourGamesOverTheWire() throws Exception {
    int port = freePort();
    CompletableFuture<Integer> run =
        runner(
            "--game",
            "connect4",
            "--p1",
            "ws",
            "--p2",
            "house:random",
            "--games",
            "2",
            "--seed",
            "5",
            "--port",
            String.valueOf(port),
            "--json",
            "--replays",
            dir.toString(),
            "--deadline-ms",
            "60000",
            "--wait-s",
            "20");
    try (WsTestBot bot = WsTestBot.connect(port)) {
      bot.send("this is not json");
      assertEquals("BAD_MESSAGE", bot.expect("error").get("code").asText());
      bot.hello();
      int ended = 0;
      boolean staleTried = false;
      boolean ponged = false;
      java.util.List<String> errors = new java.util.ArrayList<>();
      while (ended < 2) {
        JsonNode message = bot.next();
        switch (message.get("type").asText()) {
          case "game_start" -> {
            assertEquals("connect4", message.get("game_type").asText());
            assertEquals(1, message.get("spots").size());
          }
          case "step" -> {
            assertTrue(message.get("deadline_ms").asLong() > 0);
            if (!staleTried) {
              // answered in the loop: waiting here for one reply would skip the frames before it
              bot.send(WsTestBot.action(message, Json.parse("[0]")).put("seq", 999));
              bot.send(Json.object().put("type", "ping"));
              bot.send(Json.object().put("type", "dance"));
              staleTried = true;
            }
            int column = openColumn(message.get("observation"));
            bot.send(WsTestBot.action(message, Json.array().add(column)));
          }
          case "pong" -> ponged = true;
          case "error" -> errors.add(message.get("code").asText());
          case "game_end" -> {
            ended++;
            assertTrue(message.get("result").asText().matches("win|loss|draw"));
            assertEquals("normal", message.get("reason").asText());
          }
          default -> {}
        }
      }
      assertTrue(ponged, "a ping is answered");
      assertEquals(
          java.util.List.of("STALE_ACTION", "BAD_MESSAGE"),
          errors,
          "a late seq, then an unknown type");
    }
    assertEquals(0, run.get(30, TimeUnit.SECONDS), out.toString());
    String text = out.toString(StandardCharsets.UTF_8);
    JsonNode summary = Json.parse(text.substring(text.lastIndexOf("{\"game\"")).trim());
    JsonNode p1 = summary.get("players").get(0);
    assertEquals("ws", p1.get("name").asText());
    assertEquals(2, p1.get("wins").asInt() + p1.get("losses").asInt() + p1.get("draws").asInt());
    assertTrue(Files.exists(dir.resolve("connect4-5.jsonl.gz")));
    assertTrue(Files.exists(dir.resolve("connect4-6.jsonl.gz")));
  }

  @Test
  void anInvalidActionLosesTheGameAndSaysWhy() throws Exception {
    int port = freePort();
    CompletableFuture<Integer> run =
        runner(
            "--game",
            "hockey",
            "--p1",
            "ws",
            "--p2",
            "house:weak",
            "--games",
            "1",
            "--port",
            String.valueOf(port),
            "--no-replays",
            "--wait-s",
            "20",
            "--deadline-ms",
            "60000");
    try (WsTestBot bot = WsTestBot.connect(port)) {
      bot.hello();
      JsonNode step = bot.expect("step");
      assertEquals(18, step.get("observation").size());
      bot.send(WsTestBot.action(step, Json.parse("[0.1, 0.2, 0.3]")));
      JsonNode error = bot.expect("error");
      assertEquals("INVALID_ACTION", error.get("code").asText());
      assertTrue(error.get("message").asText().contains("4 numbers"), error.toString());
      JsonNode end = bot.expect("game_end");
      assertEquals("loss", end.get("result").asText());
      assertEquals("invalid_action", end.get("reason").asText());
    }
    assertEquals(0, run.get(30, TimeUnit.SECONDS), out.toString());
  }

  @Test
  void theRepeaterReplaysWhatTheBotSawAndReportsDifferences() throws Exception {
    assertEquals(
        0,
        LocalMain.run(
            new String[] {
              "--game",
              "rps",
              "--p1",
              "house:counter",
              "--p2",
              "house:random",
              "--seed",
              "11",
              "--replays",
              dir.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            System.err));
    Path file = dir.resolve("rps-11.jsonl.gz");
    Replay replay;
    try (InputStream in = Files.newInputStream(file)) {
      replay = Replay.read(in);
    }
    int port = freePort();
    out.reset();
    CompletableFuture<Integer> run =
        runner(
            "--repeat",
            file.toString(),
            "--spot",
            "1",
            "--port",
            String.valueOf(port),
            "--wait-s",
            "20",
            "--deadline-ms",
            "60000");
    try (WsTestBot bot = WsTestBot.connect(port)) {
      bot.hello();
      for (ReplayFrame frame : replay.frames()) {
        JsonNode step = bot.expect("step");
        assertEquals(frame.step(), step.get("seq").asInt(), "one step per frame, in order");
        JsonNode recorded = frame.actions().get(1);
        // answer as recorded, except at step 2
        JsonNode answer =
            frame.step() == 2 ? Json.array().add((recorded.get(0).asInt() + 1) % 3) : recorded;
        bot.send(WsTestBot.action(step, answer));
      }
      assertFalse(bot.expect("game_end").get("result").asText().isEmpty());
    }
    assertEquals(1, run.get(30, TimeUnit.SECONDS), "differences give exit code 1");
    assertTrue(out.toString().contains("1 differed"), out.toString());
    assertTrue(out.toString().contains("step 2: recorded"), out.toString());
  }
}

package org.botarena.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.botarena.client.examples.RandomAgent;
import org.botarena.games.local.LocalMain;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The SDK against the games module's local runner: a real server speaking protocol 1. */
class ArenaClientTest {

  /** What the runner printed (its --json summary) and what the client counted. */
  record Outcome(
      int played, Map<String, Integer> results, com.fasterxml.jackson.databind.JsonNode me) {}

  private static Outcome play(String game, Agent agent, int games, String... extra)
      throws Exception {
    return play(game, agent, games, c -> c, extra);
  }

  private static Outcome play(
      String game,
      Agent agent,
      int games,
      java.util.function.UnaryOperator<ArenaClient> options,
      String... extra)
      throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    List<String> args =
        new ArrayList<>(
            List.of(
                "--game",
                game,
                "--p1",
                "ws",
                "--p2",
                "house:random",
                "--games",
                String.valueOf(games),
                "--port",
                String.valueOf(port),
                "--json",
                "--no-replays",
                "--wait-s",
                "30"));
    args.addAll(List.of(extra));
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Integer> runner =
        CompletableFuture.supplyAsync(
            () ->
                LocalMain.run(
                    args.toArray(String[]::new),
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    System.err));
    // the client retries until the runner listens
    ArenaClient client =
        new ArenaClient(URI.create("ws://127.0.0.1:" + port + "/arena/ws/bot"), "local", agent)
            .maxGames(games)
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    options.apply(client);
    // once the runner is done, the client gets a few seconds for the last frames, then it is
    // stopped:
    // a runner that closes its server without a close frame must not hang the test
    runner.whenComplete(
        (code, error) ->
            CompletableFuture.delayedExecutor(5, TimeUnit.SECONDS).execute(client::close));
    int played = client.run();
    assertEquals(0, runner.get(60, TimeUnit.SECONDS));
    return new Outcome(
        played,
        client.results(),
        Json.parse(out.toString(StandardCharsets.UTF_8)).path("players").get(0));
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "rps", "connect4", "hockey"})
  void theRandomAgentPlaysEveryGame(String game) throws Exception {
    Outcome outcome = play(game, new RandomAgent(), 2);
    assertEquals(2, outcome.played());
    assertEquals(outcome.me().path("wins").asInt(), outcome.results().getOrDefault("win", 0));
    assertEquals(outcome.me().path("losses").asInt(), outcome.results().getOrDefault("loss", 0));
    assertEquals(outcome.me().path("draws").asInt(), outcome.results().getOrDefault("draw", 0));
  }

  @Test
  void aBotNamesTheGamesItWants() throws Exception {
    ArenaClient client =
        new ArenaClient(URI.create("ws://127.0.0.1:1/arena/ws/bot"), "t", new RandomAgent());
    assertEquals(null, client.hello().get("games"), "absent: every training arena");
    assertEquals(List.of("hockey", "rps"), client.games("hockey", "rps").hello().get("games"));
    assertThrows(IllegalArgumentException.class, client::games);

    Outcome outcome = play("rps", new RandomAgent(), 1, c -> c.games("simple", "rps"));
    assertEquals(1, outcome.played(), "a game it wants is played");
  }

  @Test
  void aGameTheServerDoesNotPlayIsRefusedAtHello() throws Exception {
    int port;
    try (ServerSocket probe = new ServerSocket(0)) {
      port = probe.getLocalPort();
    }
    String[] args = {
      "--game",
      "simple",
      "--p1",
      "ws",
      "--p2",
      "house:random",
      "--games",
      "1",
      "--port",
      String.valueOf(port),
      "--no-replays",
      "--wait-s",
      "5"
    };
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    CompletableFuture<Integer> runner =
        CompletableFuture.supplyAsync(
            () ->
                LocalMain.run(
                    args,
                    new PrintStream(out, true, StandardCharsets.UTF_8),
                    new PrintStream(out)));
    ArenaClient client =
        new ArenaClient(
                URI.create("ws://127.0.0.1:" + port + "/arena/ws/bot"), "local", new RandomAgent())
            .games("hockey")
            .backoff(Duration.ofMillis(200), Duration.ofSeconds(1));
    FatalCloseException refused = assertThrows(FatalCloseException.class, client::run);
    assertTrue(refused.getMessage().contains("hockey"), refused.getMessage());
    runner.get(60, TimeUnit.SECONDS); // no bot came: the runner gives up after its wait
  }

  @Test
  void anAgentSeesItsGamesStartStepAndEnd() throws Exception {
    List<String> seen = new ArrayList<>();
    Agent greedy =
        new Agent() {
          @Override
          public Object getStep(Step step) {
            seen.add("step " + step.gameType() + " spot " + step.spot() + " " + step.observation());
            return new int[] {3};
          }

          @Override
          public void onStartGame(GameInfo game) {
            seen.add("start " + game.gameType() + " " + game.spots());
          }

          @Override
          public void onEndGame(GameEnd end) {
            seen.add("end " + end.reason());
          }
        };
    play("simple", greedy, 1);
    assertEquals("start simple [0]", seen.get(0));
    assertEquals("step simple spot 0 [0, 0]", seen.get(1));
    assertEquals("end normal", seen.get(seen.size() - 1));
  }

  @Test
  void aNanActionIsRefusedByTheServerAndLosesThatGame() throws Exception {
    List<String> errors = new ArrayList<>();
    List<GameEnd> ends = new ArrayList<>();
    Agent broken =
        new Agent() {
          @Override
          public Object getStep(Step step) {
            return new double[] {Double.NaN, 0, 0, 0};
          }

          @Override
          public void onError(String code, String message) {
            errors.add(code);
          }

          @Override
          public void onEndGame(GameEnd end) {
            ends.add(end);
          }
        };
    Outcome outcome = play("hockey", broken, 1);
    assertEquals(List.of("INVALID_ACTION"), errors);
    assertEquals("invalid_action", ends.get(0).reason());
    assertEquals(1, outcome.me().path("losses").asInt());
  }

  @Test
  void anAgentThatThrowsTimesOutAndTheConnectionSurvives() throws Exception {
    List<GameEnd> ends = new ArrayList<>();
    Agent crashing =
        new Agent() {
          @Override
          public Object getStep(Step step) {
            throw new IllegalStateException("bug in the model");
          }

          @Override
          public void onEndGame(GameEnd end) {
            ends.add(end);
          }
        };
    Outcome outcome = play("simple", crashing, 2, "--deadline-ms", "100");
    assertEquals(2, outcome.played());
    assertEquals(List.of("timeout", "timeout"), ends.stream().map(GameEnd::reason).toList());
  }

  @Test
  void aMissingTokenIsRefusedBeforeConnecting() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> new ArenaClient(URI.create("ws://127.0.0.1:1/"), " ", new RandomAgent()));
    assertTrue(e.getMessage().contains("token is needed"));
  }

  @Test
  void theCommandLineSaysWhatIsMissing() throws InterruptedException {
    assertEquals(2, Main.run(new String[] {"--url", "ws://127.0.0.1:1/"}, null));
    assertEquals(2, Main.run(new String[] {"--token"}, null));
  }

  static {
    // keep the test output readable: the client logs every game at INFO
    java.util.logging.Logger.getLogger("org.botarena.client")
        .setLevel(java.util.logging.Level.WARNING);
  }
}

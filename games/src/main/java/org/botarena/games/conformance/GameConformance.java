package org.botarena.games.conformance;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;
import org.botarena.games.replay.JsonDifference;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;

/**
 * The properties every game must have (after PettingZoo's api_test and OpenSpiel's random
 * simulation test), written against the SPI only, so that it checks any {@link GameType}: a
 * lecturer's game as well as the built-in ones.
 *
 * <p>Random play uses the game's {@code random} house bot (the SPI requires one), mixed with the
 * game's no-op, so that timeouts are exercised too. Each check throws a {@link ConformanceFailure}
 * saying what the game did wrong; {@link #run} runs the whole kit and reports every check.
 */
public final class GameConformance {

  /** The random play-outs of {@link #run()}. */
  public static final int PLAYOUTS = 60;

  private final GameType type;
  private final ObjectNode config;

  public GameConformance(GameType type) {
    this.type = type;
    this.config = type.config(null);
  }

  /**
   * One check of the kit.
   *
   * @param name what it checks, e.g. {@code state round trip}
   * @param body throws a {@link ConformanceFailure} (or whatever the game throws) when it fails
   */
  public record Check(String name, Runnable body) {}

  /**
   * The whole kit, in the order it runs: {@code playouts} random play-outs (a slow physics game may
   * take fewer than the default, {@link #PLAYOUTS}), three seeds of determinism, the state round
   * trip from six points of a game, junk actions, and a forfeit.
   */
  public List<Check> checks(int playouts) {
    if (playouts < 1) {
      throw new IllegalArgumentException("play-outs must be 1 or more, got " + playouts);
    }
    return List.of(
        new Check("config is strict", this::configIsStrict),
        new Check("random play-outs end (" + playouts + " seeds)", () -> randomPlayouts(playouts)),
        new Check(
            "deterministic",
            () -> {
              for (long seed = 0; seed < 3; seed++) {
                determinism(seed);
              }
            }),
        new Check(
            "state round trip",
            () -> {
              for (int at : new int[] {0, 1, 2, 5, 17, 60}) {
                stateRoundTrip(at + 100, at);
              }
            }),
        new Check("invalid actions rejected", this::invalidActionsRejected),
        new Check("forfeit ends once", () -> forfeitEndsOnce(5)));
  }

  /** Runs {@link #checks} with {@link #PLAYOUTS} play-outs and reports every check. */
  public ConformanceReport run() {
    return run(PLAYOUTS);
  }

  /** Runs every check of {@link #checks}, whatever the earlier ones gave, and reports each. */
  public ConformanceReport run(int playouts) {
    List<ConformanceReport.Result> results = new ArrayList<>();
    for (Check check : checks(playouts)) {
      String problem = null;
      try {
        check.body().run();
      } catch (ConformanceFailure failure) {
        problem = failure.getMessage();
      } catch (RuntimeException | LinkageError | StackOverflowError e) {
        StackTraceElement[] where = e.getStackTrace();
        problem = "threw " + e + (where.length > 0 ? " at " + where[0] : "");
      }
      results.add(new ConformanceReport.Result(check.name(), problem));
    }
    return new ConformanceReport(type.name(), results);
  }

  /** The config: defaults for null, a full config unchanged, unknown keys rejected. */
  public void configIsStrict() {
    assertEquals(config, type.config(config), "config(config(null)) must not change it");
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> type.config(Json.object().put("no_such_key_42", 1)),
            "config with an unknown key");
    assertNotNull(unknown.getMessage(), "the message for an unknown key");
    assertTrue(unknown.getMessage().contains("no_such_key_42"), "the message names the key");
    assertTrue(type.houseBots().containsKey("random"), "every game has a 'random' house bot");
  }

  /**
   * Plays {@code seeds} games at random; every game keeps the SPI's promises and ends within its
   * {@link GameType#maxSteps} (the runner drops a game that goes beyond).
   */
  public void randomPlayouts(int seeds) {
    int maxSteps = type.maxSteps(config);
    assertTrue(
        maxSteps >= 1 && maxSteps <= GameType.MAX_STEPS,
        "maxSteps(config) is " + maxSteps + ", not in 1.." + GameType.MAX_STEPS);
    for (long seed = 0; seed < seeds; seed++) {
      Game game = type.create(config, seed);
      Player player = new Player(seed);
      while (!game.finished()) {
        checkStep(game);
        int before = game.steps();
        game.apply(player.actions(game));
        assertEquals(before + 1, game.steps(), "one apply is one step");
        assertTrue(
            game.steps() <= maxSteps,
            type.name() + " seed " + seed + " did not end within maxSteps(config) = " + maxSteps);
      }
      checkFinished(game);
    }
  }

  private void checkStep(Game game) {
    List<Integer> playing = game.playing();
    assertFalse(playing.isEmpty(), "a running game has spots to act");
    assertEquals(playing.stream().sorted().distinct().toList(), playing, "playing() ascending");
    for (int spot = 0; spot < type.players(); spot++) {
      assertNotNull(game.observation(spot), "observation for spot " + spot);
      assertNotNull(game.stats(spot), "stats for spot " + spot);
    }
    for (int spot : playing) {
      assertEquals(Optional.empty(), game.validate(spot, game.noop(spot)), "the no-op is valid");
    }
  }

  private void checkFinished(Game game) {
    assertTrue(game.playing().isEmpty(), "a finished game has no spot to act");
    var outcome = game.outcome();
    assertNotNull(outcome.reason(), "the end reason");
    for (int winner : outcome.winners()) {
      assertTrue(winner >= 0 && winner < type.players(), "winner " + winner + " is a spot");
    }
    for (int spot = 0; spot < type.players(); spot++) {
      assertTrue(outcome.scores().containsKey(spot), "a score for spot " + spot);
    }
    assertThrows(IllegalStateException.class, () -> game.apply(Map.of()), "no step after the end");
  }

  /** The same config, seed and actions give the same state after every step. */
  public void determinism(long seed) {
    Game first = type.create(config, seed);
    Game second = type.create(config, seed);
    Player player = new Player(seed);
    assertSame(first.state(), second.state(), "initial state");
    while (!first.finished()) {
      Map<Integer, JsonNode> actions = player.actions(first);
      first.apply(actions);
      second.apply(actions);
      assertSame(first.state(), second.state(), "state after step " + first.steps());
    }
    assertTrue(second.finished(), "the second game ends with the first");
    assertEquals(first.outcome(), second.outcome(), "outcome");
  }

  /**
   * A game restored mid-way from its state (through JSON text, as storage would) continues exactly
   * like the original.
   */
  public void stateRoundTrip(long seed, int restoreAt) {
    Game original = type.create(config, seed);
    Player player = new Player(seed);
    while (!original.finished() && original.steps() < restoreAt) {
      original.apply(player.actions(original));
    }
    Game restored = type.restore(Json.parse(Json.write(original.state())));
    assertSame(original.state(), restored.state(), "restored state");
    assertEquals(original.finished(), restored.finished(), "restored finished()");
    while (!original.finished()) {
      for (int spot = 0; spot < type.players(); spot++) {
        assertSame(original.observation(spot), restored.observation(spot), "observation");
      }
      Map<Integer, JsonNode> actions = player.actions(original);
      original.apply(actions);
      restored.apply(actions);
      assertSame(original.state(), restored.state(), "state after step " + original.steps());
    }
    assertEquals(original.outcome(), restored.outcome(), "restored game's outcome");
  }

  /** Junk actions are rejected with a reason, and apply refuses them. */
  public void invalidActionsRejected() {
    Game game = type.create(config, 1);
    List<JsonNode> junk = new ArrayList<>();
    junk.add(null);
    junk.add(Json.parse("null"));
    junk.add(Json.parse("\"rock\""));
    junk.add(Json.parse("{}"));
    junk.add(Json.parse("[]"));
    junk.add(Json.parse("[\"x\", \"y\", \"z\", \"w\"]"));
    junk.add(Json.parse("[[1], [2], [3], [4]]"));
    junk.add(Json.parse("[1,2,3,4,5,6,7,8,9,10,11,12,13,14,15,16,17,18,19,20]"));
    for (int spot : game.playing()) {
      for (JsonNode action : junk) {
        Optional<String> problem = game.validate(spot, action);
        assertTrue(problem.isPresent(), type.name() + " accepted " + action + " from spot " + spot);
        assertFalse(problem.get().isBlank(), "the reason is not empty");
        Map<Integer, JsonNode> actions = new HashMap<>();
        for (int other : game.playing()) {
          actions.put(other, other == spot ? action : game.noop(other));
        }
        assertThrows(
            IllegalArgumentException.class,
            () -> game.apply(actions),
            "apply with " + action + " from spot " + spot);
      }
    }
    assertEquals(0, game.steps(), "a rejected step does not count");
  }

  /** A forfeit ends the game once: the others win, a second forfeit changes nothing. */
  public void forfeitEndsOnce(long seed) {
    Game game = type.create(config, seed);
    Player player = new Player(seed);
    for (int i = 0; i < 3 && !game.finished(); i++) {
      game.apply(player.actions(game));
    }
    if (game.finished()) {
      return;
    }
    game.forfeit(0, EndReason.TIMEOUT);
    assertTrue(game.finished(), "a forfeit ends the game");
    var outcome = game.outcome();
    assertEquals(EndReason.TIMEOUT, outcome.reason(), "the forfeit's reason");
    assertFalse(outcome.winners().contains(0), "the forfeiting spot does not win");
    assertEquals(type.players() - 1, outcome.winners().size(), "every other spot wins");
    game.forfeit(1, EndReason.DISCONNECT);
    assertEquals(outcome, game.outcome(), "a second forfeit changes nothing");
    assertTrue(game.playing().isEmpty(), "a forfeited game has no spot to act");
    Game restored = type.restore(Json.parse(Json.write(game.state())));
    assertTrue(restored.finished(), "a forfeited game restores as finished");
    assertEquals(outcome, restored.outcome(), "the restored forfeit's outcome");
  }

  private static void assertSame(JsonNode expected, JsonNode actual, String what) {
    JsonDifference.between(expected, actual).ifPresent(d -> fail(what + " differs at " + d));
  }

  private static void fail(String message) {
    throw new ConformanceFailure(message);
  }

  private static void assertTrue(boolean condition, String message) {
    if (!condition) {
      fail(message);
    }
  }

  private static void assertFalse(boolean condition, String message) {
    assertTrue(!condition, message);
  }

  private static void assertNotNull(Object value, String message) {
    assertTrue(value != null, message + " is null");
  }

  private static void assertEquals(Object expected, Object actual, String message) {
    if (!Objects.equals(expected, actual)) {
      fail(message + ": expected " + expected + ", got " + actual);
    }
  }

  /** The exception {@code body} threw, which must be a {@code type}. */
  private static <T extends Throwable> T assertThrows(
      Class<T> type, Runnable body, String message) {
    try {
      body.run();
    } catch (Throwable thrown) {
      if (type.isInstance(thrown)) {
        return type.cast(thrown);
      }
      fail(message + ": expected " + type.getSimpleName() + ", but it threw " + thrown);
    }
    fail(message + ": expected " + type.getSimpleName() + ", but nothing was thrown");
    return null; // not reached
  }

  /** Random house bots for every spot, sometimes playing the no-op instead. */
  private final class Player {
    private final Map<Integer, HouseBot> bots = new TreeMap<>();
    private final java.util.SplittableRandom random;

    Player(long seed) {
      random = new java.util.SplittableRandom(seed);
      for (int spot = 0; spot < type.players(); spot++) {
        bots.put(spot, type.houseBots().get("random").create(config, spot, seed * 31 + spot));
      }
    }

    Map<Integer, JsonNode> actions(Game game) {
      Map<Integer, JsonNode> actions = new TreeMap<>();
      for (int spot : game.playing()) {
        JsonNode action =
            random.nextInt(10) == 0 ? game.noop(spot) : bots.get(spot).act(game.observation(spot));
        actions.put(spot, action);
      }
      return actions;
    }
  }
}

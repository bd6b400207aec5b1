package org.botarena.games.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
 * game's no-op, so that timeouts are exercised too.
 */
public final class GameConformance {

  /** More than any built-in game needs with its default config. */
  public static final int STEP_CAP = 100_000;

  private final GameType type;
  private final ObjectNode config;

  public GameConformance(GameType type) {
    this.type = type;
    this.config = type.config(null);
  }

  /** The config: defaults for null, a full config unchanged, unknown keys rejected. */
  public void configIsStrict() {
    assertEquals(config, type.config(config), "config(config(null)) must not change it");
    IllegalArgumentException unknown =
        assertThrows(
            IllegalArgumentException.class,
            () -> type.config(Json.object().put("no_such_key_42", 1)));
    assertNotNull(unknown.getMessage());
    assertTrue(unknown.getMessage().contains("no_such_key_42"), "the message names the key");
    assertTrue(type.houseBots().containsKey("random"), "every game has a 'random' house bot");
  }

  /** Plays {@code seeds} games at random; every game keeps the SPI's promises and ends. */
  public void randomPlayouts(int seeds) {
    for (long seed = 0; seed < seeds; seed++) {
      Game game = type.create(config, seed);
      Player player = new Player(seed);
      while (!game.finished()) {
        checkStep(game);
        int before = game.steps();
        game.apply(player.actions(game));
        assertEquals(before + 1, game.steps(), "one apply is one step");
        assertTrue(game.steps() <= STEP_CAP, type.name() + " seed " + seed + " did not end");
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
    assertNotNull(outcome.reason());
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
    assertTrue(second.finished());
    assertEquals(first.outcome(), second.outcome());
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
    assertEquals(original.finished(), restored.finished());
    while (!original.finished()) {
      for (int spot = 0; spot < type.players(); spot++) {
        assertSame(original.observation(spot), restored.observation(spot), "observation");
      }
      Map<Integer, JsonNode> actions = player.actions(original);
      original.apply(actions);
      restored.apply(actions);
      assertSame(original.state(), restored.state(), "state after step " + original.steps());
    }
    assertEquals(original.outcome(), restored.outcome());
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
        assertThrows(IllegalArgumentException.class, () -> game.apply(actions));
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
    assertTrue(game.finished());
    var outcome = game.outcome();
    assertEquals(EndReason.TIMEOUT, outcome.reason());
    assertFalse(outcome.winners().contains(0), "the forfeiting spot does not win");
    assertEquals(type.players() - 1, outcome.winners().size(), "every other spot wins");
    game.forfeit(1, EndReason.DISCONNECT);
    assertEquals(outcome, game.outcome(), "a second forfeit changes nothing");
    assertTrue(game.playing().isEmpty());
    Game restored = type.restore(Json.parse(Json.write(game.state())));
    assertTrue(restored.finished(), "a forfeited game restores as finished");
    assertEquals(outcome, restored.outcome());
  }

  private static void assertSame(JsonNode expected, JsonNode actual, String what) {
    JsonDifference.between(expected, actual).ifPresent(d -> fail(what + " differs at " + d));
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

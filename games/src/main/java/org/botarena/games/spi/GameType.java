package org.botarena.games.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A kind of game, found with {@link java.util.ServiceLoader}: a jar that lists an implementation in
 * {@code META-INF/services/org.botarena.games.spi.GameType} adds a game to the platform.
 */
public interface GameType {

  /**
   * The most steps a game of any type may take, whatever its config: each game's schema keeps its
   * keys within maxima that cannot add up to more, so that one game's work and its recorded frames
   * are bounded (a hockey step's frame is about 600 bytes: 20,000 steps are 12 MB).
   */
  int MAX_STEPS = 20_000;

  /** The name bots see as {@code game_type}, e.g. {@code "hockey"}. */
  String name();

  /** Bumped whenever the rules change, so that old replays are not re-simulated with new rules. */
  String version();

  /** Number of player spots a game of this type has (spots are numbered 0..players-1). */
  int players();

  /**
   * The full configuration for the given overrides: defaults filled in, unknown keys and bad values
   * rejected with an {@link IllegalArgumentException} whose message names the problem.
   */
  ObjectNode config(JsonNode overrides);

  /**
   * The most steps a game with this configuration (one returned by {@link #config}) can take; at
   * most {@link #MAX_STEPS}. The runner stops a game that goes beyond it.
   */
  default int maxSteps(ObjectNode config) {
    return MAX_STEPS;
  }

  /** A new game from a configuration returned by {@link #config} and a seed. */
  Game create(ObjectNode config, long seed);

  /** A game restored from {@link Game#state()}; it behaves exactly like the game that saved it. */
  Game restore(JsonNode state);

  /** Built-in opponents by name (at least {@code "random"}). */
  Map<String, HouseBot.Factory> houseBots();
}

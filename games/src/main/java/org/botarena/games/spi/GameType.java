package org.botarena.games.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;

/**
 * A kind of game, found with {@link java.util.ServiceLoader}: a jar that lists an implementation in
 * {@code META-INF/services/org.botarena.games.spi.GameType} adds a game to the platform.
 */
public interface GameType {

  /** The name bots see as {@code game_type}, e.g. {@code "hockey"}. */
  String name();

  /** Bumped whenever the rules change, so that old replays are not re-simulated with new rules. */
  String version();

  /** Number of player spots a game of this type has (spots are numbered 0..players-1). */
  int players();

  /**
   * The full configuration for the given overrides: defaults filled in, unknown keys and bad
   * values rejected with an {@link IllegalArgumentException} whose message names the problem.
   */
  ObjectNode config(JsonNode overrides);

  /** A new game from a configuration returned by {@link #config} and a seed. */
  Game create(ObjectNode config, long seed);

  /** A game restored from {@link Game#state()}; it behaves exactly like the game that saved it. */
  Game restore(JsonNode state);

  /** Built-in opponents by name (at least {@code "random"}). */
  Map<String, HouseBot.Factory> houseBots();
}

package org.example.coins;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import java.util.SplittableRandom;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.support.ConfigSchema;
import org.botarena.protocol.Json;

/**
 * Take the last coin: a pile of {@code pile} coins, the two spots take turns (spot 0 first), each
 * takes 1 to {@code max_take} coins, and whoever takes the last coin wins. A lecturer's game in its
 * own jar, the example of docs/games.md ("Writing a game").
 *
 * <p>Observation (for the spot to move and for the other): {@code {"pile": 9, "max_take": 3,
 * "my_turn": true, "mine": 3, "theirs": 3}}; action: {@code [n]} with 1 &le; n &le; min(max_take,
 * pile); no-op: {@code [1]}.
 */
public final class CoinsGameType implements GameType {

  public static final String NAME = "coins";

  /** Every key with its default and range: config() rejects anything else, naming the key. */
  private static final ConfigSchema CONFIG =
      new ConfigSchema().integer("pile", 15, 1, 1000).integer("max_take", 3, 1, 10);

  @Override
  public String name() {
    return NAME;
  }

  /** Bump it whenever the rules change: old replays then are not re-simulated with new rules. */
  @Override
  public String version() {
    return "1";
  }

  @Override
  public int players() {
    return 2;
  }

  @Override
  public ObjectNode config(JsonNode overrides) {
    return CONFIG.resolve(overrides);
  }

  /** Every turn takes at least one coin. */
  @Override
  public int maxSteps(ObjectNode config) {
    return config.get("pile").intValue();
  }

  @Override
  public Game create(ObjectNode config, long seed) {
    return new CoinsGame(config.get("pile").intValue(), config.get("max_take").intValue());
  }

  @Override
  public Game restore(JsonNode state) {
    return CoinsGame.restore(state);
  }

  /**
   * {@code random}, which every game must have, and {@code perfect}: it leaves a multiple of
   * max_take + 1 whenever it can (and then cannot lose).
   */
  @Override
  public Map<String, HouseBot.Factory> houseBots() {
    return Map.of(
        "random",
        (config, spot, seed) -> {
          SplittableRandom random = new SplittableRandom(seed);
          return observation -> Json.array().add(1 + random.nextInt(most(observation)));
        },
        "perfect",
        (config, spot, seed) ->
            observation -> {
              int take = observation.get("pile").intValue() % (most(observation) + 1);
              return Json.array().add(take == 0 ? 1 : Math.min(take, most(observation)));
            });
  }

  /** The most coins the spot may take now. */
  private static int most(JsonNode observation) {
    return Math.max(
        1, Math.min(observation.get("max_take").intValue(), observation.get("pile").intValue()));
  }
}

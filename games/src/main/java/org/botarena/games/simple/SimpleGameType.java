package org.botarena.games.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.support.ConfigSchema;

/**
 * Sum to ten: both spots add 0..3 to their own total each step; the first to reach the target wins,
 * both in the same step is a draw. The walking skeleton's game, and the smallest example of the
 * SPI.
 */
public final class SimpleGameType implements GameType {

  public static final String NAME = "simple";

  private static final ConfigSchema CONFIG =
      new ConfigSchema().integer("target", 10, 1, 10_000).integer("max_steps", 50, 1, 10_000);

  @Override
  public String name() {
    return NAME;
  }

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

  /** The game ends at {@code max_steps} at the latest. */
  @Override
  public int maxSteps(ObjectNode config) {
    return config.get("max_steps").intValue();
  }

  @Override
  public Game create(ObjectNode config, long seed) {
    return new SimpleGame(config.get("target").intValue(), config.get("max_steps").intValue());
  }

  @Override
  public Game restore(JsonNode state) {
    return SimpleGame.restore(state);
  }

  @Override
  public Map<String, HouseBot.Factory> houseBots() {
    return Map.of(
        "random", (config, spot, seed) -> new SimpleHouseBots.Random(seed),
        "greedy", (config, spot, seed) -> new SimpleHouseBots.Greedy());
  }
}

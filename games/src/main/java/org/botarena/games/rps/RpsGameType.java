package org.botarena.games.rps;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.support.ConfigSchema;

/** Rock-paper-scissors (see the package documentation). */
public final class RpsGameType implements GameType {

  public static final String NAME = "rps";

  private static final ConfigSchema CONFIG =
      new ConfigSchema().integer("points", 3, 1, 1000).integer("max_rounds", 100, 1, 10_000);

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

  /** A round is a step, and the game ends at {@code max_rounds} at the latest. */
  @Override
  public int maxSteps(ObjectNode config) {
    return config.get("max_rounds").intValue();
  }

  @Override
  public Game create(ObjectNode config, long seed) {
    return new RpsGame(config.get("points").intValue(), config.get("max_rounds").intValue());
  }

  @Override
  public Game restore(JsonNode state) {
    return RpsGame.restore(state);
  }

  @Override
  public Map<String, HouseBot.Factory> houseBots() {
    return Map.of(
        "random", (config, spot, seed) -> new RpsHouseBots.Uniform(seed),
        "counter", (config, spot, seed) -> new RpsHouseBots.FrequencyCounter(seed),
        "rock", (config, spot, seed) -> new RpsHouseBots.Constant(RpsGame.ROCK));
  }
}

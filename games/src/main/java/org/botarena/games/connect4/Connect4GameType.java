package org.botarena.games.connect4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.support.ConfigSchema;

/** Connect four (see the package documentation). */
public final class Connect4GameType implements GameType {

  public static final String NAME = "connect4";

  private static final ConfigSchema CONFIG = new ConfigSchema().integer("first_spot", 0, 0, 1);

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

  /** One disc a step: the board is full after 42. */
  @Override
  public int maxSteps(ObjectNode config) {
    return 42;
  }

  @Override
  public Game create(ObjectNode config, long seed) {
    return new Connect4Game(config.get("first_spot").intValue());
  }

  @Override
  public Game restore(JsonNode state) {
    return Connect4Game.restore(state);
  }

  @Override
  public Map<String, HouseBot.Factory> houseBots() {
    return Map.of(
        "random", (config, spot, seed) -> new Connect4HouseBots.Uniform(seed),
        "tactical", (config, spot, seed) -> new Connect4HouseBots.Tactical(seed));
  }
}

package org.botarena.games.simple;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.Map;
import org.botarena.protocol.Json;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;

/**
 * Sum to ten: both spots add 0..3 to their own total each step; the first to reach the target wins,
 * both in the same step is a draw. The walking skeleton's game, and the smallest example of the SPI.
 */
public final class SimpleGameType implements GameType {

  public static final String NAME = "simple";

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
    ObjectNode config = Json.object().put("target", 10).put("max_steps", 50);
    if (overrides == null || overrides.isNull()) {
      return config;
    }
    if (!overrides.isObject()) {
      throw new IllegalArgumentException("config must be a JSON object");
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      if (!config.has(field.getKey())) {
        throw new IllegalArgumentException(
            "unknown config key '" + field.getKey() + "' (known: target, max_steps)");
      }
      JsonNode value = field.getValue();
      if (!value.isInt() || value.intValue() < 1 || value.intValue() > 10_000) {
        throw new IllegalArgumentException(field.getKey() + " must be an integer in 1..10000");
      }
      config.put(field.getKey(), value.intValue());
    }
    return config;
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

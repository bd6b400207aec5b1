package org.botarena.games.simple;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;

/** House bots for sum-to-ten. */
final class SimpleHouseBots {

  private SimpleHouseBots() {}

  /** Adds a uniformly random 0..3. */
  static final class Random implements HouseBot {
    private final SplittableRandom random;

    Random(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      return Json.array().add(random.nextInt(SimpleGame.MAX_ADD + 1));
    }
  }

  /** Always adds the most: the best play there is, so it beats random nearly always. */
  static final class Greedy implements HouseBot {
    @Override
    public JsonNode act(JsonNode observation) {
      return Json.array().add(SimpleGame.MAX_ADD);
    }
  }
}

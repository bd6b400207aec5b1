package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Map;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;

/** Air hockey (see the package documentation and docs/games.md). */
public final class HockeyGameType implements GameType {

  public static final String NAME = "hockey";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String version() {
    return "4";
  }

  @Override
  public int players() {
    return 2;
  }

  @Override
  public ObjectNode config(JsonNode overrides) {
    return HockeyConfig.resolve(overrides);
  }

  /** {@code max_steps} per round times {@code rounds}. */
  @Override
  public int maxSteps(ObjectNode config) {
    return HockeyConfig.maxSteps(config);
  }

  @Override
  public Game create(ObjectNode config, long seed) {
    return new HockeyGame(config(config), seed);
  }

  @Override
  public Game restore(JsonNode state) {
    return HockeyGame.restore(state);
  }

  @Override
  public Map<String, HouseBot.Factory> houseBots() {
    return Map.of(
        "random",
        (config, spot, seed) -> new HockeyHouseBots.Uniform(seed),
        "weak",
        (config, spot, seed) -> basic(HockeyHouseBots.Basic.WEAK_GAIN, false, config, seed),
        "strong",
        (config, spot, seed) -> basic(HockeyHouseBots.Basic.STRONG_GAIN, false, config, seed),
        "interceptor",
        (config, spot, seed) -> basic(HockeyHouseBots.Basic.STRONG_GAIN, true, config, seed));
  }

  private static HouseBot basic(double gain, boolean intercept, ObjectNode config, long seed) {
    boolean keep =
        config == null || !config.has("keep_mode") || config.get("keep_mode").asBoolean();
    return new HockeyHouseBots.Basic(gain, intercept, keep, seed);
  }
}

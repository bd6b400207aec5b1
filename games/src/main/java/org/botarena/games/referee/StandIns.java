package org.botarena.games.referee;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.TreeSet;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;

/** Builds the house bot that stands in for a spot, seeded from the game's seed and the spot. */
public final class StandIns {

  private StandIns() {}

  /** The house bot {@code name} of {@code type} for {@code spot}; unknown names say which exist. */
  public static HouseBot create(
      GameType type, String name, ObjectNode config, int spot, long gameSeed) {
    HouseBot.Factory factory = type.houseBots().get(name);
    if (factory == null) {
      throw new IllegalArgumentException(
          "game "
              + type.name()
              + " has no house bot '"
              + name
              + "' (it has: "
              + String.join(", ", new TreeSet<>(type.houseBots().keySet()))
              + ")");
    }
    return factory.create(config, spot, seed(gameSeed, spot));
  }

  /** Different for each spot, so that two equal bots do not mirror each other's choices. */
  static long seed(long gameSeed, int spot) {
    return gameSeed * 0x9E3779B97F4A7C15L + 31L * (spot + 1);
  }
}

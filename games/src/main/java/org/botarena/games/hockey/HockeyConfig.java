package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import org.botarena.games.support.ConfigSchema;

/**
 * A hockey match's settings.
 *
 * @param maxSteps steps per round (episode) before it ends without a goal
 * @param rounds rounds (episodes) in the match
 * @param swapSides whether the spots change ends after each round
 * @param keepMode whether a paddle can catch and hold the puck (the course's "keep" mode)
 * @param mode how a round starts ({@code normal} only, for now)
 */
record HockeyConfig(int maxSteps, int rounds, boolean swapSides, boolean keepMode, String mode) {

  static final ConfigSchema SCHEMA = new ConfigSchema()
      .integer("max_steps", 250, 1, 100_000)
      .integer("rounds", 1, 1, 1000)
      .bool("swap_sides", true)
      .bool("keep_mode", true)
      .choice("mode", "normal", List.of("normal"));

  static HockeyConfig of(JsonNode config) {
    return new HockeyConfig(config.get("max_steps").intValue(), config.get("rounds").intValue(),
        config.get("swap_sides").booleanValue(), config.get("keep_mode").booleanValue(),
        config.get("mode").textValue());
  }
}

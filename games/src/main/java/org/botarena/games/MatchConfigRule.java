package org.botarena.games;

import com.fasterxml.jackson.databind.JsonNode;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;

/**
 * The one rule for a match config that a person types in (a debug arena's, a training arena's): a
 * JSON object whose platform keys ({@link PlatformConfig}) are in range and whose other keys the
 * game accepts. {@code start_paused} is chosen when a debug game is started, never stored.
 */
public final class MatchConfigRule {

  private MatchConfigRule() {}

  /**
   * The config as it is stored (compact JSON; blank is {@code {}}), or an {@link
   * IllegalArgumentException} whose message, a sentence, says what is wrong.
   */
  public static String check(String gameType, String configJson) {
    if (gameType == null || !Games.exists(gameType)) {
      throw new IllegalArgumentException(
          "No game '"
              + gameType
              + "'; the games are "
              + Games.all().stream().map(GameType::name).sorted().toList()
              + ".");
    }
    JsonNode config;
    try {
      config = Json.parse(configJson == null || configJson.isBlank() ? "{}" : configJson);
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException("The config is not JSON: " + e.getMessage());
    }
    if (!config.isObject()) {
      throw new IllegalArgumentException(
          "The config must be a JSON object, e.g. {} or {\"deadline_ms\": 5000}.");
    }
    PlatformConfig.problem(config)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException(problem + ".");
            });
    if (config.has(PlatformConfig.START_PAUSED)) {
      throw new IllegalArgumentException(
          "'"
              + PlatformConfig.START_PAUSED
              + "' is chosen when a game is started, not in the config.");
    }
    try {
      Games.type(gameType).config(PlatformConfig.gameConfig(config));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "The " + gameType + " config is refused: " + e.getMessage());
    }
    return Json.write(config);
  }
}

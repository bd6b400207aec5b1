package org.botarena.games;

import com.fasterxml.jackson.databind.JsonNode;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;

/**
 * The check of a game config that an arena, a tournament or a debug arena stores (typed by a user
 * on a page or given to the admin command line): the game exists, the text is a JSON object, the
 * platform's keys are in range, and the game's own schema accepts the rest. {@code start_paused} is
 * chosen when a debug game starts, never stored. The messages are for the user who typed it.
 */
public final class StoredConfig {

  private StoredConfig() {}

  /**
   * The config as stored (normalised JSON text; blank means {@code {}}), or an {@link
   * IllegalArgumentException} that says what is wrong.
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
      throw new IllegalArgumentException("The config is not JSON: " + e.getMessage(), e);
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
          "The " + gameType + " config is refused: " + e.getMessage(), e);
    }
    return Json.write(config);
  }
}

package org.botarena.arena.play;

/**
 * A protocol frame for a bot, from the runner of a game.
 *
 * @param botId the addressee
 * @param game the game's uuid
 * @param runner the instance that runs the game (where the bot's actions must go)
 * @param kind what the frame is, so the gateway can track the bot's games
 * @param frame the protocol frame, JSON text, sent to the bot unchanged
 */
public record ToBot(long botId, String game, String runner, Kind kind, String frame) {

  /**
   * WATCH: an observer frame for the browsers watching the game on the addressed instance (botId
   * 0). MESSAGE: a protocol {@code message} for the bot's human (e.g. its debug game was rewound).
   * REVOKED and REPLACED close the bot's socket after the frame (its {@code error}): the token was
   * revoked (4001), a newer connection on another instance took over (4003).
   */
  public enum Kind {
    GAME_START,
    STEP,
    GAME_END,
    ERROR,
    WATCH,
    MESSAGE,
    REVOKED,
    REPLACED
  }
}

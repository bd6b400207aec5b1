package org.botarena.arena.play;

/**
 * A spot of a match and who plays it.
 *
 * @param spot the spot
 * @param botId the bot
 * @param botName its name at match time
 * @param gateway the instance holding its socket, or null if it is not connected
 * @param house the built-in house bot the runner plays for this spot itself, or null
 */
public record Seat(int spot, long botId, String botName, String gateway, String house) {

  /** A bot that connects over the protocol. */
  public Seat(int spot, long botId, String botName, String gateway) {
    this(spot, botId, botName, gateway, null);
  }

  public boolean isHouse() {
    return house != null;
  }
}

package org.botarena.arena.play;

/**
 * A spot of a match and who plays it.
 *
 * @param spot the spot
 * @param botId the bot
 * @param botName its name at match time
 * @param gateway the instance holding its socket, or null if it is not connected
 */
public record Seat(int spot, long botId, String botName, String gateway) {}

package org.botarena.arena.play;

/**
 * What a gateway tells a game's runner about a bot.
 *
 * @param game the game's uuid
 * @param botId the bot
 * @param kind an action, or the bot's disconnection, or its reconnection on {@code gateway}
 * @param spot the spot acted for (actions)
 * @param seq the step's sequence number (actions); the step to go back to (CONTROL REWIND)
 * @param action the action, JSON text (actions); the {@link DebugCommand}'s name (CONTROL); the
 *     connection's session id (DISCONNECT, REBIND; null when unknown), so that the close of an
 *     older connection is not taken for the newer one's
 * @param gateway the instance that now holds the bot's socket
 */
public record ToRunner(
    String game, long botId, Kind kind, int spot, long seq, String action, String gateway) {

  /**
   * WATCH: browsers on {@code gateway} watch the game: send them the frames so far, then each step.
   * CONTROL: a team member steers its debug game ({@link DebugCommand}).
   */
  public enum Kind {
    ACTION,
    DISCONNECT,
    REBIND,
    WATCH,
    CONTROL
  }

  public static ToRunner action(
      String game, long botId, int spot, long seq, String action, String gateway) {
    return new ToRunner(game, botId, Kind.ACTION, spot, seq, action, gateway);
  }

  public static ToRunner disconnect(String game, long botId, String gateway) {
    return disconnect(game, botId, gateway, null);
  }

  public static ToRunner disconnect(String game, long botId, String gateway, String connection) {
    return new ToRunner(game, botId, Kind.DISCONNECT, -1, -1, connection, gateway);
  }

  public static ToRunner watch(String game, String gateway) {
    return new ToRunner(game, 0, Kind.WATCH, -1, -1, null, gateway);
  }

  public static ToRunner rebind(String game, long botId, String gateway) {
    return rebind(game, botId, gateway, null);
  }

  public static ToRunner rebind(String game, long botId, String gateway, String connection) {
    return new ToRunner(game, botId, Kind.REBIND, -1, -1, connection, gateway);
  }

  public static ToRunner control(String game, DebugCommand command, long step, String gateway) {
    return new ToRunner(game, 0, Kind.CONTROL, -1, step, command.name(), gateway);
  }
}

package org.botarena.client;

/**
 * A bot: {@link #getStep} is the only method to write; the others have sensible defaults. The
 * client calls the methods of one agent from one thread, in the order the frames arrive.
 */
@FunctionalInterface
public interface Agent {

  /**
   * The action for this step: an {@code int[]}, {@code double[]}, {@code List}, {@code Map} or
   * number (anything {@link Json#write} takes). An exception means no action this step (the server
   * plays the game's no-op after the deadline).
   */
  Object getStep(Step step);

  /** A game starts. */
  default void onStartGame(GameInfo game) {}

  /** A game ended. */
  default void onEndGame(GameEnd end) {}

  /** Whether the bot wants games now: asked at every {@code ready?}, polled while false. */
  default boolean isReady() {
    return true;
  }

  /** The server reported an error (the client logs it too). */
  default void onError(String code, String message) {}

  /** A message from the server for the bot's owner. */
  default void onMessage(String text) {}

  /** The connection closed (the client may reconnect afterwards). */
  default void onDisconnect(int code, String reason) {}
}

package org.botarena.jobs.runner;

import java.util.concurrent.Future;
import org.botarena.arena.play.ToBot;

/** What a running game needs from its runner: sending to bots, timers, and an end. */
interface GameHost {

  /** Sends a frame to a bot wherever it is connected ({@code gateway} null: not connected). */
  void send(String gateway, long botId, String game, ToBot.Kind kind, String frame);

  /** Runs {@code task} after {@code millis}. */
  Future<?> schedule(Runnable task, long millis);

  /** The game has ended (normally or by a forfeit); store it. */
  void finished(RunningGame game);

  /** A bot's action arrived {@code nanos} after its step was sent (the step round trip). */
  default void stepAnswered(long nanos) {}
}

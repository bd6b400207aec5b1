package org.botarena.arena.play;

/** This instance's match runner: the games running here. */
public interface RunnerInbox {

  /** Hands a bot's message to the game it is for; unknown games are answered with an error. */
  void receive(ToRunner message);
}

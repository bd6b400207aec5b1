package org.botarena.arena.play;

/** This instance's gateway: the sockets of the bots connected here. */
public interface LocalGateway {

  /** Sends a frame to a bot connected here; false if it is not (any more). */
  boolean deliver(ToBot message);

  /**
   * The cluster had forgotten this instance and its bots' sessions (its heartbeat stopped for too
   * long): each connection here gets its session back and is asked {@code ready?} again.
   */
  void sessionsForgotten();

  /** How many bots are connected here (the status page and the liveness check show it). */
  int connected();
}

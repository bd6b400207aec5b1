package org.botarena.arena.play;

/**
 * Bot frames that stayed on this instance and that crossed the broker, since it started (the status
 * page).
 */
public interface IoTraffic {

  /** Frames delivered within this instance (gateway and runner both here). */
  long local();

  /** Frames sent to another instance over the broker. */
  long remoteSent();

  /** Frames received from another instance over the broker. */
  long remoteReceived();
}

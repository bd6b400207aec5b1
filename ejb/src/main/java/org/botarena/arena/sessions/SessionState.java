package org.botarena.arena.sessions;

/** Where a connected bot is in the matchmaking cycle. */
public enum SessionState {
  /** Connected, not ready to play (has not said ready, or said not ready). */
  IDLE,
  /** Ready and waiting for a match. */
  QUEUED,
  /** In a match. */
  PLAYING
}

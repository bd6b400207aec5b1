package org.botarena.arena.play;

/** What this instance's match runner is doing, for the status page and the liveness check. */
public interface RunnerStatus {

  /** Games running here now. */
  int running();

  /** Matches this instance has played to their end since it started. */
  long played();
}

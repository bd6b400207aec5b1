package org.botarena.arena.matches;

/** A match's life: QUEUED (message sent) -> RUNNING (claimed by a runner) -> FINISHED or FAILED. */
public enum MatchState {
  QUEUED,
  RUNNING,
  FINISHED,
  FAILED
}

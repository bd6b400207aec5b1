package org.botarena.arena.domain.match;

/** A match's life: QUEUED (message sent) -> RUNNING (claimed by a runner) -> FINISHED or FAILED. */
public enum MatchState {
  QUEUED,
  RUNNING,
  FINISHED,
  FAILED
}

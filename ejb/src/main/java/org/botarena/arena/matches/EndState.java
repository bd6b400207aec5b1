package org.botarena.arena.matches;

import org.botarena.games.spi.Outcome;

/** How a finished match ended, as the match list shows it. */
public enum EndState {
  WIN,
  DRAW,
  DISCONNECTED,
  TIMEOUT,
  INVALID_ACTION,
  ABORTED,
  DROPPED;

  public static EndState of(Outcome outcome) {
    return switch (outcome.reason()) {
      case NORMAL, STEP_CAP -> outcome.draw() ? DRAW : WIN;
      case TIMEOUT -> TIMEOUT;
      case INVALID_ACTION -> INVALID_ACTION;
      case DISCONNECT -> DISCONNECTED;
    };
  }
}

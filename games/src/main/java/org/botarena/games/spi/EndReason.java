package org.botarena.games.spi;

/** Why a game ended; the protocol's {@code reason} field is {@link #wire()}. */
public enum EndReason {
  /** The rules decided the game. */
  NORMAL,
  /** The step cap was reached before the rules decided (a draw unless the game says otherwise). */
  STEP_CAP,
  /** A spot missed too many deadlines. */
  TIMEOUT,
  /** A spot sent an action the game rejected. */
  INVALID_ACTION,
  /** A spot's bot went away. */
  DISCONNECT;

  /** The protocol spelling; a step cap is a normal end for the bots. */
  public String wire() {
    return this == STEP_CAP ? "normal" : name().toLowerCase(java.util.Locale.ROOT);
  }
}

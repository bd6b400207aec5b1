package org.botarena.arena.tournaments;

import java.util.Locale;

/** How a tournament round is played. */
public enum Format {
  /** Every bot plays every other bot once per round; the best record wins the round. */
  EXHAUSTIVE,
  /**
   * Random groups of the configured size play exhaustively; group winners advance level by level.
   */
  RANDOM_DRAW;

  /** From a command line or a form: {@code exhaustive} or {@code random-draw}. */
  public static Format of(String name) {
    try {
      return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      throw new IllegalArgumentException(
          "a tournament format is exhaustive or random-draw, got '" + name + "'");
    }
  }
}

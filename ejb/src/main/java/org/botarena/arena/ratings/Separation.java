package org.botarena.arena.ratings;

import java.util.OptionalInt;

/**
 * How many more games between two bots would tell them apart: the head-to-head games needed for a
 * 95% two-sided test of "they are equal" (a win rate of 1/2, a draw counting half) to reject it,
 * when one wins with probability {@code p} (from the ratings), less the games already played. The
 * normal approximation of the binomial: n = 1.96^2 p (1 - p) / (p - 1/2)^2.
 */
public final class Separation {

  /** The two-sided 95% quantile of the standard normal. */
  private static final double Z = 1.959963984540054;

  /** Closer to even than this, no practical number of games tells them apart. */
  static final double EVEN = 0.005;

  private Separation() {}

  /** The games still needed, none if already enough; empty if they are practically even. */
  public static OptionalInt moreGames(double winProbability, int played) {
    double edge = Math.abs(winProbability - 0.5);
    if (!(edge >= EVEN)) {
      return OptionalInt.empty();
    }
    double needed = Z * Z * winProbability * (1 - winProbability) / (edge * edge);
    return OptionalInt.of((int) Math.max(0, Math.ceil(needed) - played));
  }
}

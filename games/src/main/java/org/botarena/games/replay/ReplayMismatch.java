package org.botarena.games.replay;

/**
 * One way a replay disagrees with playing it again.
 *
 * @param step the step (0: the set-up and the initial state; n: frame n; for the end, the number of
 *     the last frame)
 * @param part what disagrees: {@code version}, {@code config}, {@code state}, {@code actions},
 *     {@code frames} or {@code outcome}
 * @param detail what exactly, e.g. {@code table.puck[0]: expected 4.2, got 4.3}
 */
public record ReplayMismatch(int step, String part, String detail) {

  @Override
  public String toString() {
    return "step " + step + ", " + part + ": " + detail;
  }
}

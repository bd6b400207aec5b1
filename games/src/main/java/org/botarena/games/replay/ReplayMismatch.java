package org.botarena.games.replay;

/**
 * One way a replay disagrees with playing it again.
 *
 * @param step the step (0: the set-up and the initial state; n: frame n; for the end, the number of
 *     the last frame)
 * @param part what disagrees: {@code version}, {@code config}, {@code state}, {@code actions},
 *     {@code frames} or {@code outcome}
 * @param path where: the JSON path that differs ({@code table.puck[0]}, {@code (root)} for a whole
 *     document), or the part itself where no document differs ({@code version}, {@code frames},
 *     {@code actions.1} for spot 1's action)
 * @param detail what exactly, e.g. {@code recorded table.puck[0] = 4.2, re-simulated 4.3}
 */
public record ReplayMismatch(int step, String part, String path, String detail) {

  @Override
  public String toString() {
    return "step " + step + ", " + part + ": " + detail;
  }
}

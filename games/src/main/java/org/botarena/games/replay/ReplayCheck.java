package org.botarena.games.replay;

import java.util.List;

/**
 * The result of {@link ReplayVerifier#verify}.
 *
 * @param framesChecked how many frames were played again
 * @param mismatches every disagreement found (at most {@link ReplayVerifier#MAX_MISMATCHES}), in
 *     step order; empty when the replay is consistent
 */
public record ReplayCheck(int framesChecked, List<ReplayMismatch> mismatches) {

  public ReplayCheck {
    mismatches = List.copyOf(mismatches);
  }

  public boolean ok() {
    return mismatches.isEmpty();
  }

  /** One line for a log or the console. */
  public String summary() {
    if (ok()) {
      return "replay verified: " + framesChecked + " frames re-simulated, no difference";
    }
    return "replay differs ("
        + mismatches.size()
        + " mismatch"
        + (mismatches.size() == 1 ? "" : "es")
        + "), first: "
        + mismatches.get(0);
  }
}

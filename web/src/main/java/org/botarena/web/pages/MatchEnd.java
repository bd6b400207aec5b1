package org.botarena.web.pages;

import java.util.Locale;

/**
 * How a match ended, for display: its end state, and its reason only when the reason says more
 * ({@code TIMEOUT}, not {@code TIMEOUT timeout}; {@code DROPPED renamed}).
 */
final class MatchEnd {

  private MatchEnd() {}

  static String text(String endState, String endReason) {
    String state = endState == null ? "" : endState.strip();
    String reason = endReason == null ? "" : endReason.strip();
    if (reason.isEmpty() || sameWord(state, reason)) {
      return state;
    }
    return state.isEmpty() ? reason : state + " " + reason;
  }

  /**
   * The reason repeats the state: TIMEOUT timeout, INVALID_ACTION invalid_action, DISCONNECTED
   * disconnect.
   */
  private static boolean sameWord(String state, String reason) {
    return state.toLowerCase(Locale.ROOT).startsWith(reason.toLowerCase(Locale.ROOT));
  }
}

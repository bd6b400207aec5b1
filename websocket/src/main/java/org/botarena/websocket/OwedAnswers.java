package org.botarena.websocket;

/**
 * The steps a bot was sent and has not answered yet. An action that answers one does not count
 * against the frame rate: the server set that pace, and a game against a house bot (played in the
 * runner, with no wait) steps as fast as the bot answers, so a quick bot sent more than 200 actions
 * a second and had one refused (RATE_LIMITED, then a missed step) every 200 steps. Every other
 * frame counts as before. At most {@link #MAX} steps are owed, so a bot that leaves steps
 * unanswered cannot save them up for a flood.
 */
final class OwedAnswers {

  static final int MAX = 64;

  private int owed;

  synchronized void stepSent() {
    if (owed < MAX) {
      owed++;
    }
  }

  synchronized boolean any() {
    return owed > 0;
  }

  /** Takes one owed step for an action; false if none was owed. */
  synchronized boolean answer() {
    if (owed == 0) {
      return false;
    }
    owed--;
    return true;
  }
}

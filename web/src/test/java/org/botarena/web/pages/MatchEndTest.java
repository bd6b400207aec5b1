package org.botarena.web.pages;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

class MatchEndTest {

  @Test
  void aReasonThatRepeatsTheStateIsLeftOut() {
    assertEquals("TIMEOUT", MatchEnd.text("TIMEOUT", "timeout"));
    assertEquals("INVALID_ACTION", MatchEnd.text("INVALID_ACTION", "invalid_action"));
    assertEquals("DISCONNECTED", MatchEnd.text("DISCONNECTED", "disconnect"));
  }

  @Test
  void aReasonThatSaysMoreIsShown() {
    assertEquals("WIN normal", MatchEnd.text("WIN", "normal"));
    assertEquals("DROPPED renamed", MatchEnd.text("DROPPED", "renamed"));
  }

  @Test
  void aRunningMatchHasNoEnd() {
    assertEquals("", MatchEnd.text(null, null));
    assertEquals("TIMEOUT", MatchEnd.text("TIMEOUT", " "));
  }
}

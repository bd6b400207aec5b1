package org.botarena.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void atMostMaxEventsInAnyWindow() {
    RateLimit limit = new RateLimit(3, 1000);
    assertTrue(limit.allow(5_000));
    assertTrue(limit.allow(5_100));
    assertTrue(limit.allow(5_999));
    assertFalse(limit.allow(5_999), "a fourth event within a second is over the limit");
    assertTrue(limit.allow(6_000), "the first event is a second old: a place is free");
    assertFalse(limit.allow(6_050), "5_100, 5_999 and 6_000 are within the second");
  }

  @Test
  void aBurstAcrossASecondsEdgeIsCaught() {
    RateLimit limit = new RateLimit(200, 1000);
    int allowed = 0;
    for (int i = 0; i < 300; i++) {
      allowed += limit.allow(9_990 + i / 20) ? 1 : 0; // 300 events from x.990 to y.004
    }
    assertTrue(allowed == 200, "fixed windows would let all 300 through; allowed " + allowed);
  }

  @Test
  void refusedEventsDoNotHoldPlaces() {
    RateLimit limit = new RateLimit(2, 1000);
    assertTrue(limit.allow(1_000));
    assertTrue(limit.allow(1_001));
    for (int t = 1_002; t < 2_000; t += 10) {
      assertFalse(limit.allow(t));
    }
    assertTrue(limit.allow(2_000));
    assertTrue(limit.allow(2_001));
  }
}

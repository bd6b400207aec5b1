package org.botarena.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class RateLimitTest {

  @Test
  void aRateLimitCountsPerWindow() {
    RateLimit limit = new RateLimit(3, 1000);
    assertTrue(limit.allow(5_000));
    assertTrue(limit.allow(5_100));
    assertTrue(limit.allow(5_999));
    assertFalse(limit.allow(5_999), "a fourth event in the same second is over the limit");
    assertTrue(limit.allow(6_000), "a new window starts afresh");
  }
}

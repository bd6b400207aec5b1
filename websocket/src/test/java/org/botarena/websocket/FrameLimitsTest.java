package org.botarena.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class FrameLimitsTest {

  @Test
  void framesAreMeasuredInUtf8Bytes() {
    assertFalse(Gateway.tooLarge("a".repeat(Gateway.MAX_FRAME)));
    assertTrue(Gateway.tooLarge("a".repeat(Gateway.MAX_FRAME + 1)));
    // 'é' is two bytes: half the limit in chars is exactly the limit in bytes
    assertFalse(Gateway.tooLarge("é".repeat(Gateway.MAX_FRAME / 2)));
    assertTrue(Gateway.tooLarge("é".repeat(Gateway.MAX_FRAME / 2 + 1)));
    // '€' is three bytes, an emoji (a surrogate pair) four
    assertTrue(Gateway.tooLarge("€".repeat(Gateway.MAX_FRAME / 3 + 1)));
    assertFalse(Gateway.tooLarge("\uD83D\uDE00".repeat(Gateway.MAX_FRAME / 4)));
    assertTrue(Gateway.tooLarge("\uD83D\uDE00".repeat(Gateway.MAX_FRAME / 4) + "a"));
  }

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

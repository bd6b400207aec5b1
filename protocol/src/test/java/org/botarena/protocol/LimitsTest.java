package org.botarena.protocol;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class LimitsTest {

  @Test
  void framesAreMeasuredInUtf8Bytes() {
    assertFalse(Limits.tooLarge("a".repeat(Limits.MAX_FRAME_BYTES)));
    assertTrue(Limits.tooLarge("a".repeat(Limits.MAX_FRAME_BYTES + 1)));
    // 'é' is two bytes: half the limit in chars is exactly the limit in bytes
    assertFalse(Limits.tooLarge("é".repeat(Limits.MAX_FRAME_BYTES / 2)));
    assertTrue(Limits.tooLarge("é".repeat(Limits.MAX_FRAME_BYTES / 2 + 1)));
    // '€' is three bytes, an emoji (a surrogate pair) four
    assertTrue(Limits.tooLarge("€".repeat(Limits.MAX_FRAME_BYTES / 3 + 1)));
    assertFalse(Limits.tooLarge("\uD83D\uDE00".repeat(Limits.MAX_FRAME_BYTES / 4)));
    assertTrue(Limits.tooLarge("\uD83D\uDE00".repeat(Limits.MAX_FRAME_BYTES / 4) + "a"));
  }
}

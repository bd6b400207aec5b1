package org.botarena.websocket;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class IdleSweepTest {

  @Test
  void aConnectionIsIdleOnlyPastItsLimit() {
    assertFalse(IdleSweep.idle(30_000, 1_000, 31_000));
    assertTrue(IdleSweep.idle(30_000, 1_000, 31_001));
  }

  @Test
  void noLimitMeansNeverIdle() {
    assertFalse(IdleSweep.idle(0, 0, Long.MAX_VALUE));
    assertFalse(IdleSweep.idle(-1, 0, Long.MAX_VALUE));
  }
}

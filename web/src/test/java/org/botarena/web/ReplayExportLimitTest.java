package org.botarena.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Before: an anonymous export got up to 100,000 replays, and all of them by default. */
class ReplayExportLimitTest {

  @Test
  void anonymousExportsAreASampleSignedInOnesTheArchive() {
    assertEquals(ReplayExportResource.ANONYMOUS_MAX, ReplayExportResource.limit(null, false));
    assertEquals(50, ReplayExportResource.limit(50, false));
    assertThrows(IllegalArgumentException.class, () -> ReplayExportResource.limit(101, false));
    assertThrows(IllegalArgumentException.class, () -> ReplayExportResource.limit(100_000, false));
    assertEquals(100_000, ReplayExportResource.limit(null, true));
    assertEquals(5_000, ReplayExportResource.limit(5_000, true));
    assertThrows(IllegalArgumentException.class, () -> ReplayExportResource.limit(0, true));
    assertThrows(IllegalArgumentException.class, () -> ReplayExportResource.limit(100_001, true));
  }
}

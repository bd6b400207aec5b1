package org.botarena.arena.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class TimeWeightTest {

  private final Instant start = Instant.parse("2026-10-01T00:00:00Z");

  @Test
  void laterMatchesWeighMore() {
    TimeWeight linear = new TimeWeight("linear", 0.05);
    assertEquals(1.0, linear.of(start, start), 1e-12);
    assertEquals(1.5, linear.of(start, start.plus(Duration.ofDays(10))), 1e-9);
    assertEquals(1.0, linear.of(start, start.minusSeconds(5)), 1e-12, "never below 1 (clock skew)");
    assertEquals(
        Math.pow(1.1, 3),
        new TimeWeight("exponential", 0.1).of(start, start.plus(Duration.ofDays(3))),
        1e-9);
    assertEquals(
        1.0, new TimeWeight("Constant", 9).of(start, start.plus(Duration.ofDays(300))), 1e-12);
  }

  @Test
  void aWrongSettingSaysWhichKey() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new TimeWeight("quadratic", 1));
    assertTrue(e.getMessage().contains("arena.ratings.time-weight"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> new TimeWeight("linear", -1));
  }
}

package org.botarena.arena.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class SigmaGrowthTest {

  private final Instant rated = Instant.parse("2026-11-01T00:00:00Z");

  @Test
  void anIdleBotsSigmaGrowsWithTheSquareRootOfTime() {
    SigmaGrowth growth = new SigmaGrowth(0.5);
    assertEquals(2.0, growth.sigma(2.0, rated, rated), 1e-12);
    // 16 idle days: sqrt(2^2 + 0.25 * 16) = sqrt(8)
    assertEquals(Math.sqrt(8), growth.sigma(2.0, rated, rated.plus(Duration.ofDays(16))), 1e-9);
  }

  @Test
  void neverBeyondTheInitialSigmaAndOffAtZero() {
    assertEquals(
        Rating.INITIAL_SIGMA,
        new SigmaGrowth(0.5).sigma(2.0, rated, rated.plus(Duration.ofDays(10_000))),
        1e-12);
    assertEquals(
        2.0, new SigmaGrowth(0).sigma(2.0, rated, rated.plus(Duration.ofDays(10_000))), 1e-12);
    assertEquals(
        2.0, new SigmaGrowth(0.5).sigma(2.0, null, rated), 1e-12, "never rated: nothing to grow");
    assertThrows(IllegalArgumentException.class, () -> new SigmaGrowth(-0.1));
  }
}

package org.botarena.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The platform keys' maxima: one place, used by the debug arena (refuses) and the runner (bounds).
 */
class PlatformConfigTest {

  @Test
  void aHostileDeadlineOrTimeoutCountIsNamedWithItsRange() {
    String deadline = PlatformConfig.problem(Json.parse("{\"deadline_ms\":600000}")).orElseThrow();
    assertTrue(deadline.contains("'deadline_ms' must be a whole number from 1 to 60000"), deadline);
    String timeouts = PlatformConfig.problem(Json.parse("{\"max_timeouts\":1000}")).orElseThrow();
    assertTrue(timeouts.contains("'max_timeouts' must be a whole number from 1 to 20"), timeouts);
    assertTrue(PlatformConfig.problem(Json.parse("{\"deadline_ms\":0}")).isPresent());
    assertTrue(PlatformConfig.problem(Json.parse("{\"deadline_ms\":1.5}")).isPresent());
    assertTrue(PlatformConfig.problem(Json.parse("{\"max_timeouts\":\"many\"}")).isPresent());
    assertEquals(
        Optional.empty(),
        PlatformConfig.problem(Json.parse("{\"deadline_ms\":60000,\"max_timeouts\":20,\"x\":1}")));
  }

  @Test
  void theRunnerKeepsAnUncheckedConfigWithinTheMaxima() {
    assertEquals(
        PlatformConfig.MAX_DEADLINE_MS,
        PlatformConfig.bounded(
            Json.parse("{\"deadline_ms\":600000}"), PlatformConfig.DEADLINE_MS, 2000));
    assertEquals(
        PlatformConfig.MAX_MAX_TIMEOUTS,
        PlatformConfig.bounded(
            Json.parse("{\"max_timeouts\":1000}"), PlatformConfig.MAX_TIMEOUTS, 3));
    assertEquals(
        1,
        PlatformConfig.bounded(
            Json.parse("{\"max_timeouts\":-5}"), PlatformConfig.MAX_TIMEOUTS, 3));
    assertEquals(
        2000,
        PlatformConfig.bounded(Json.parse("{}"), PlatformConfig.DEADLINE_MS, 2000),
        "absent: the default");
  }
}

package org.botarena.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.Test;

/** The class histogram as jcmd prints it (JDK 17 and 25), and the soak's comparison of two. */
class LiveHeapTest {

  static final String START =
      """
      1234:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:        100000        8000000  [B (java.base@17.0.12)
         2:         50000        1200000  java.lang.String (java.base@17.0.12)
         3:          1000          64000  org.botarena.jobs.runner.RunningGame
      Total        151000        9264000
      """;
  static final String END =
      """
      1234:
       num     #instances         #bytes  class name (module)
      -------------------------------------------------------
         1:        100000        8000000  [B (java.base@17.0.12)
         2:         90000        2160000  java.lang.String (java.base@17.0.12)
         3:          1000          64000  org.botarena.jobs.runner.RunningGame
         4:          2000         102400  java.util.HashMap$Node (java.base@17.0.12)
      Total        193000       10326400
      """;

  @Test
  void theGrowthIsMeasuredAndTheClassesThatGrewAreNamed() {
    LiveHeap start = LiveHeap.parse(START);
    assertEquals(9_264_000, start.bytes());
    assertEquals(1_200_000, start.bytesByClass().get("java.lang.String"));
    ObjectNode compared = LiveHeap.compare(start, LiveHeap.parse(END), 2);
    assertEquals(11.47, compared.get("growth_percent").asDouble(), 0.01);
    assertEquals("java.lang.String", compared.get("grew_most").get(0).get("class").asText());
    assertEquals(937, compared.get("grew_most").get(0).get("kb").asLong());
    assertEquals("java.util.HashMap$Node", compared.get("grew_most").get(1).get("class").asText());
  }
}

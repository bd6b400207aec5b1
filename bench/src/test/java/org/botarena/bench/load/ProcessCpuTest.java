package org.botarena.bench.load;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ProcessCpuTest {

  /** A real line of /proc/PID/stat, its command with a space and a parenthesis in it. */
  private static final String STAT =
      "4242 (java (main) x) S 1 4242 4242 0 -1 4194304 51234 0 12 0 1500 250 30 7 20 0 60 0 1234"
          + " 5000000000 60000 18446744073709551615 1 1 0 0 0 0 0 4096 16384 0 0 0 17 1 0 0 0 0 0";

  @Test
  void readsUserAndSystemTicksAfterTheCommand() {
    assertEquals((1500 + 250) * 10.0, ProcessCpu.fromStat(STAT, false));
    assertEquals((1500 + 250 + 30 + 7) * 10.0, ProcessCpu.fromStat(STAT, true));
  }

  @Test
  void thisProcessHasUsedSomeCpu() {
    assertTrue(ProcessCpu.ofPid(ProcessHandle.current().pid(), false) > 0);
  }

  @Test
  void aWindowIsTheDifference() {
    ProcessCpu before = new ProcessCpu(List.of(100.0, 50.0), 10, 200, 5);
    ProcessCpu after = new ProcessCpu(List.of(400.0, 60.0), 30, 260, 25);
    ProcessCpu used = after.since(before);
    assertEquals(List.of(300.0, 10.0), used.instancesMs());
    assertEquals(310.0, used.instancesTotalMs());
    assertEquals(60.0, used.postgresMs());
    assertEquals(20.0, used.brokerMs());
  }
}

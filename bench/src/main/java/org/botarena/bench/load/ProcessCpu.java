package org.botarena.bench.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/**
 * CPU time used so far by the stack's parts, read from Linux's {@code /proc}: each instance and the
 * broker by the launcher's PID files, PostgreSQL as every {@code postgres} process of the machine
 * plus what its postmaster collected from the backends that ended (a bench's database is the only
 * busy one). Milliseconds; {@code /proc} counts in clock ticks (10 ms), fine over a window of
 * seconds.
 */
record ProcessCpu(List<Double> instancesMs, double brokerMs, double postgresMs, double selfMs) {

  /** Linux's USER_HZ: clock ticks per second in {@code /proc/PID/stat} (100 on every Linux). */
  private static final double TICK_MS = 10;

  static ProcessCpu read(Path pids, int instances) {
    List<Double> each =
        java.util.stream.IntStream.rangeClosed(1, instances)
            .mapToObj(i -> ofPidFile(pids.resolve("instance-" + i + ".pid")))
            .toList();
    return new ProcessCpu(
        each,
        ofPidFile(pids.resolve("broker.pid")),
        postgres(),
        ofPid(ProcessHandle.current().pid(), false));
  }

  /** What each part used from {@code before} to this reading. */
  ProcessCpu since(ProcessCpu before) {
    List<Double> each =
        java.util.stream.IntStream.range(0, instancesMs.size())
            .mapToObj(i -> instancesMs.get(i) - before.instancesMs.get(i))
            .toList();
    return new ProcessCpu(
        each, brokerMs - before.brokerMs, postgresMs - before.postgresMs, selfMs - before.selfMs);
  }

  double instancesTotalMs() {
    return instancesMs.stream().mapToDouble(Double::doubleValue).sum();
  }

  private static double ofPidFile(Path file) {
    try {
      return ofPid(Long.parseLong(Files.readString(file).trim()), false);
    } catch (IOException | NumberFormatException e) {
      return 0; // not this stack's part (an external broker, say): nothing counted
    }
  }

  /** The backends' CPU and the postmaster's collected children's (cutime, cstime). */
  private static double postgres() {
    try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
      return procs
          .filter(p -> p.getFileName().toString().chars().allMatch(Character::isDigit))
          .mapToDouble(
              p -> {
                long pid = Long.parseLong(p.getFileName().toString());
                String comm = comm(pid);
                return "postgres".equals(comm) ? ofPid(pid, true) : 0;
              })
          .sum();
    } catch (IOException e) {
      return 0;
    }
  }

  private static String comm(long pid) {
    try {
      return Files.readString(Path.of("/proc", Long.toString(pid), "comm")).trim();
    } catch (IOException e) {
      return "";
    }
  }

  /**
   * utime + stime (fields 14 and 15 of {@code /proc/PID/stat}), with the ended children's cutime +
   * cstime (16, 17) when asked; 0 for a process gone.
   */
  static double ofPid(long pid, boolean withChildren) {
    try {
      return fromStat(Files.readString(Path.of("/proc", Long.toString(pid), "stat")), withChildren);
    } catch (IOException e) {
      return 0;
    }
  }

  /** The fields after the command's closing parenthesis (the command may hold spaces). */
  static double fromStat(String stat, boolean withChildren) {
    String[] f = stat.substring(stat.lastIndexOf(')') + 2).trim().split(" ");
    // f[0] is field 3 (state): utime is field 14, so f[11]
    long ticks = Long.parseLong(f[11]) + Long.parseLong(f[12]);
    if (withChildren) {
      ticks += Long.parseLong(f[13]) + Long.parseLong(f[14]);
    }
    return ticks * TICK_MS;
  }
}

package org.botarena.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.botarena.protocol.Json;

/**
 * An instance's live heap by class, from {@code jcmd PID GC.class_histogram} (which collects first,
 * so it counts only what is reachable): a soak compares the start with the end and names the
 * classes that grew.
 */
record LiveHeap(long bytes, Map<String, Long> bytesByClass) {

  private static final Pattern ROW =
      Pattern.compile("^\\s*\\d+:\\s+(\\d+)\\s+(\\d+)\\s+(\\S+)", Pattern.MULTILINE);
  private static final Pattern TOTAL =
      Pattern.compile("^Total\\s+(\\d+)\\s+(\\d+)", Pattern.MULTILINE);

  /** The live heap of the JVM whose PID is in {@code pidFile}. */
  static LiveHeap of(Path pidFile) throws IOException, InterruptedException {
    long pid = Long.parseLong(Files.readString(pidFile).strip());
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    Process p =
        new ProcessBuilder(jcmd, Long.toString(pid), "GC.class_histogram")
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(120, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IOException("jcmd GC.class_histogram failed on " + pid + ": " + out);
    }
    return parse(out);
  }

  static LiveHeap parse(String histogram) {
    Map<String, Long> byClass = new HashMap<>();
    Matcher row = ROW.matcher(histogram);
    while (row.find()) {
      byClass.merge(row.group(3), Long.parseLong(row.group(2)), Long::sum);
    }
    Matcher total = TOTAL.matcher(histogram);
    if (!total.find()) {
      throw new IllegalArgumentException("no Total line in the class histogram");
    }
    return new LiveHeap(Long.parseLong(total.group(2)), byClass);
  }

  /** Start and end in MB, the growth in percent, and the {@code top} classes that grew most. */
  static ObjectNode compare(LiveHeap start, LiveHeap end, int top) {
    ObjectNode node = Json.object();
    node.put("start_mb", LoadBench.round(start.bytes / 1048576.0))
        .put("end_mb", LoadBench.round(end.bytes / 1048576.0))
        .put("growth_percent", LoadBench.round(100.0 * (end.bytes - start.bytes) / start.bytes));
    ArrayNode grew = node.putArray("grew_most");
    end.bytesByClass.entrySet().stream()
        .map(
            e ->
                Map.entry(
                    e.getKey(), e.getValue() - start.bytesByClass.getOrDefault(e.getKey(), 0L)))
        .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder()))
        .limit(top)
        .forEach(
            e -> grew.add(Json.object().put("class", e.getKey()).put("kb", e.getValue() / 1024)));
    return node;
  }
}

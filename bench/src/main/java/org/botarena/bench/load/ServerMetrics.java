package org.botarena.bench.load;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;

/** Reads an instance's MicroProfile Metrics (Prometheus text): the server's view of the load. */
final class ServerMetrics {

  private final HttpClient http =
      HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
  private final String base;

  /** {@code base}: the instance's root, e.g. {@code http://127.0.0.1:8080}. */
  ServerMetrics(String base) {
    this.base = base;
  }

  String base() {
    return base;
  }

  /** Every sample line as name{labels} -> value (labels kept, so quantiles stay apart). */
  Map<String, Double> read() throws IOException, InterruptedException {
    String text =
        http.send(
                HttpRequest.newBuilder(URI.create(base + "/metrics"))
                    .timeout(Duration.ofSeconds(10))
                    .build(),
                HttpResponse.BodyHandlers.ofString())
            .body();
    Map<String, Double> values = new HashMap<>();
    for (String line : text.split("\n")) {
      if (line.isBlank() || line.startsWith("#")) {
        continue;
      }
      int space = line.lastIndexOf(' ');
      try {
        values.put(line.substring(0, space), Double.parseDouble(line.substring(space + 1)));
      } catch (NumberFormatException | StringIndexOutOfBoundsException ignored) {
        // a line we do not need
      }
    }
    return values;
  }

  /**
   * The first sample whose name (before its labels) is {@code name} and whose labels contain {@code
   * label}.
   */
  static double value(Map<String, Double> metrics, String name, String label) {
    return metrics.entrySet().stream()
        .filter(e -> e.getKey().startsWith(name + "{") && e.getKey().contains(label))
        .mapToDouble(Map.Entry::getValue)
        .findFirst()
        .orElse(Double.NaN);
  }
}

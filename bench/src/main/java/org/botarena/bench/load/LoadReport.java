package org.botarena.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import org.HdrHistogram.Histogram;
import org.botarena.protocol.Json;

/** The load's numbers: JSON for the record, a short table for people. */
final class LoadReport {

  private static final String SCOPE_APP = "mp_scope=\"application\"";

  private LoadReport() {}

  /**
   * p50, p95, p99 and max of a histogram, multiplied by {@code scale} (microseconds to ms: 1e-3).
   */
  static ObjectNode percentiles(Histogram h, double scale) {
    return Json.object()
        .put("count", h.getTotalCount())
        .put("p50", LoadBench.round(h.getValueAtPercentile(50) * scale))
        .put("p95", LoadBench.round(h.getValueAtPercentile(95) * scale))
        .put("p99", LoadBench.round(h.getValueAtPercentile(99) * scale))
        .put("max", LoadBench.round(h.getMaxValue() * scale));
  }

  /** One instance's view of the window: matches, its step round trip, CPU and heap. */
  static ObjectNode instance(
      String base,
      Map<String, Double> before,
      Map<String, Double> after,
      List<Map<String, Double>> samples,
      double window) {
    ObjectNode node = Json.object().put("instance", base);
    double played =
        ServerMetrics.value(after, "arena_matches_played_total", SCOPE_APP)
            - ServerMetrics.value(before, "arena_matches_played_total", SCOPE_APP);
    node.put("matches_per_minute", LoadBench.round(played / window * 60));
    node.put("bots_connected", ServerMetrics.value(after, "arena_bots_connected", SCOPE_APP));
    node.put(
        "games_running_max",
        samples.stream()
            .mapToDouble(m -> ServerMetrics.value(m, "arena_games_running", SCOPE_APP))
            .max()
            .orElse(Double.NaN));
    ObjectNode latency = node.putObject("step_round_trip_ms");
    Map.of("p50", "0.5", "p95", "0.95", "p99", "0.99")
        .forEach(
            (name, quantile) ->
                latency.put(
                    name,
                    // the timer has no unit of its own: Payara reports its nanoseconds
                    LoadBench.round(
                        ServerMetrics.value(
                                after, "arena_step_latency", "quantile=\"" + quantile + "\"")
                            / 1e6)));
    node.put(
        "cpu_avg",
        LoadBench.round(
            samples.stream()
                .mapToDouble(m -> ServerMetrics.value(m, "arena_process_cpu_load", SCOPE_APP))
                .average()
                .orElse(Double.NaN)));
    node.put(
        "heap_used_max_mb",
        LoadBench.round(
            samples.stream()
                    .mapToDouble(m -> ServerMetrics.value(m, "memory_usedHeap_bytes", "base"))
                    .max()
                    .orElse(Double.NaN)
                / (1 << 20)));
    node.put(
        "heap_max_mb",
        LoadBench.round(ServerMetrics.value(after, "memory_maxHeap_bytes", "base") / (1 << 20)));
    // for soaks: the lowest heap (about the live set after a collection) early and late in the
    // window,
    // and the bots connected at its start; flat numbers mean nothing leaks
    int fifth = Math.max(1, samples.size() / 5);
    node.put(
        "heap_floor_first_fifth_mb",
        heapFloor(samples.subList(0, Math.min(fifth, samples.size()))));
    node.put(
        "heap_floor_last_fifth_mb",
        heapFloor(samples.subList(Math.max(0, samples.size() - fifth), samples.size())));
    node.put(
        "bots_connected_at_start",
        samples.isEmpty()
            ? Double.NaN
            : ServerMetrics.value(samples.get(0), "arena_bots_connected", SCOPE_APP));
    return node;
  }

  /**
   * CPU time of the window per match and per step: the instances' (together), PostgreSQL's and the
   * broker's, and PostgreSQL's share of the three (the load generator's own is apart: it is not the
   * platform's cost).
   */
  static ObjectNode cpu(ProcessCpu used, long matches, long steps, double window) {
    double platform = used.instancesTotalMs() + used.postgresMs() + used.brokerMs();
    return Json.object()
        .put("instances_ms", LoadBench.round(used.instancesTotalMs()))
        .put("postgres_ms", LoadBench.round(used.postgresMs()))
        .put("broker_ms", LoadBench.round(used.brokerMs()))
        .put("load_generator_ms", LoadBench.round(used.selfMs()))
        .put("instance_ms_per_match", perUnit(used.instancesTotalMs(), matches))
        .put("instance_ms_per_step", perUnit(used.instancesTotalMs(), steps))
        .put("postgres_ms_per_match", perUnit(used.postgresMs(), matches))
        .put("broker_ms_per_match", perUnit(used.brokerMs(), matches))
        .put("postgres_share", platform > 0 ? LoadBench.round(used.postgresMs() / platform) : 0)
        .put("cores_busy", LoadBench.round((platform + used.selfMs()) / 1000 / window));
  }

  private static double perUnit(double ms, long count) {
    return count > 0 ? Math.round(ms / count * 1000) / 1000.0 : Double.NaN;
  }

  private static double heapFloor(List<Map<String, Double>> samples) {
    return LoadBench.round(
        samples.stream()
                .mapToDouble(m -> ServerMetrics.value(m, "memory_usedHeap_bytes", "base"))
                .min()
                .orElse(Double.NaN)
            / (1 << 20));
  }

  static String table(JsonNode r) {
    StringBuilder out = new StringBuilder();
    out.append(
        String.format(
            "bots %d (connected %d) on %d instance(s), think %d-%d ms, window %.0f s%n",
            r.get("bots").asInt(),
            r.get("connected").asInt(),
            r.get("instances").asInt(),
            r.get("think_ms").asLong(),
            r.get("think_max_ms").asLong(),
            r.get("window_seconds").asDouble()));
    out.append(
        String.format(
            "matches/min %.0f   steps/s %.0f   errors %d   closed %d%n",
            r.get("matches_per_minute").asDouble(),
            r.get("steps_per_second").asDouble(),
            r.get("errors").asLong(),
            r.get("closed_by_server").asLong()));
    if (r.get("dropped").asLong() > 0) {
      out.append(
          String.format(
              "connections dropped on purpose %d, reconnected %d%n",
              r.get("dropped").asLong(), r.get("reconnected").asLong()));
    }
    JsonNode st = r.get("stored");
    out.append(
        String.format(
            "stored: %d matches booked in the window; lost %d (FAILED) + %d still open; rated twice"
                + " %d; finished but unrated %d; ABORTED %d (rated %d); DISCONNECTED %d%n",
            st.get("matches").asLong(),
            st.get("failed").asLong(),
            st.get("open_after_settle").asLong(),
            st.get("rated_twice").asLong(),
            st.get("finished_unrated").asLong(),
            st.get("aborted").asLong(),
            st.get("aborted_rated").asLong(),
            st.get("disconnected").asLong()));
    JsonNode t = r.get("turnaround_ms");
    out.append(
        String.format(
            "bot-side turnaround (action -> next step) ms: p50 %.2f  p95 %.2f  p99 %.2f  max"
                + " %.2f%n",
            t.get("p50").asDouble(),
            t.get("p95").asDouble(),
            t.get("p99").asDouble(),
            t.get("max").asDouble()));
    JsonNode cpu = r.get("cpu");
    out.append(
        String.format(
            "cpu ms per match: instance %.2f, postgres %.2f, broker %.2f (postgres %.0f%% of the"
                + " three); instance ms per step %.3f; cores busy %.2f (load generator %.0f ms)%n",
            cpu.get("instance_ms_per_match").asDouble(),
            cpu.get("postgres_ms_per_match").asDouble(),
            cpu.get("broker_ms_per_match").asDouble(),
            cpu.get("postgres_share").asDouble() * 100,
            cpu.get("instance_ms_per_step").asDouble(),
            cpu.get("cores_busy").asDouble(),
            cpu.get("load_generator_ms").asDouble()));
    for (JsonNode i : r.get("instance_metrics")) {
      JsonNode l = i.get("step_round_trip_ms");
      out.append(
          String.format(
              "%s: games max %.0f, step round trip ms p50 %.2f p95 %.2f p99 %.2f, cpu %.0f%%, heap"
                  + " %.0f/%.0f MB%n",
              i.get("instance").asText(),
              i.get("games_running_max").asDouble(),
              l.get("p50").asDouble(),
              l.get("p95").asDouble(),
              l.get("p99").asDouble(),
              i.get("cpu_avg").asDouble() * 100,
              i.get("heap_used_max_mb").asDouble(),
              i.get("heap_max_mb").asDouble()));
      out.append(
          String.format(
              "%s: bots connected %.0f at the start, %.0f at the end; heap floor %.0f MB in the"
                  + " first fifth, %.0f MB in the last%n",
              i.get("instance").asText(),
              i.get("bots_connected_at_start").asDouble(),
              i.get("bots_connected").asDouble(),
              i.get("heap_floor_first_fifth_mb").asDouble(),
              i.get("heap_floor_last_fifth_mb").asDouble()));
      JsonNode live = i.get("live_heap");
      if (live != null) {
        out.append(
            String.format(
                "%s: live heap %.1f MB at the start, %.1f MB at the end (%+.1f%%); grew most:%n",
                i.get("instance").asText(),
                live.get("start_mb").asDouble(),
                live.get("end_mb").asDouble(),
                live.get("growth_percent").asDouble()));
        for (JsonNode c : live.get("grew_most")) {
          out.append(
              String.format("    %+8d kB  %s%n", c.get("kb").asLong(), c.get("class").asText()));
        }
      }
    }
    return out.toString();
  }
}

package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * {@code ./arena bench load} as docs/benchmarks.md runs it, from the project's root (a stack of its
 * own on ports 28080+): it connects its bots, prints its JSON line, and the matches it played while
 * some of its bots lost their connection and came back were all stored and rated once. Only the
 * numbers' presence and the bookkeeping are checked, never a speed.
 */
class BenchLoadIT {

  private static final Path ROOT =
      Path.of(System.getProperty("arena.root", "..")).toAbsolutePath().normalize();

  @Test
  void theLoadBenchPrintsItsNumbersAndLosesNoMatch() throws Exception {
    ProcessBuilder builder =
        new ProcessBuilder(
                List.of(
                    "./arena",
                    "bench",
                    "load",
                    "--bots",
                    "6",
                    "--warmup-s",
                    "2",
                    "--seconds",
                    "20",
                    "--think-ms",
                    "5-20",
                    "--drop-per-minute",
                    "60",
                    "--live-heap",
                    "--json"))
            .directory(ROOT.toFile());
    builder.environment().remove("ARENA_DB_URL"); // the bench picks its own database and run folder
    builder.environment().remove("ARENA_RUN_DIR");
    Process bench = builder.start();
    CompletableFuture<String> err =
        CompletableFuture.supplyAsync(() -> read(bench.getErrorStream()));
    String out = read(bench.getInputStream());
    assertTrue(bench.waitFor(10, TimeUnit.MINUTES), "the bench did not end");
    assertEquals(0, bench.exitValue(), out + err.get());
    String[] lines = out.strip().split("\n");
    JsonNode report = Json.parse(lines[lines.length - 1]);
    assertEquals(6, report.get("connected").asInt(), out);
    assertTrue(report.get("games_ended").asLong() > 0, "games were played: " + out);
    JsonNode stored = report.get("stored");
    assertTrue(stored.get("matches").asLong() > 0, out);
    assertEquals(0, stored.get("failed").asLong(), "lost: " + out);
    assertEquals(0, stored.get("open_after_settle").asLong(), "never ended: " + out);
    assertEquals(0, stored.get("rated_twice").asLong(), out);
    assertEquals(0, stored.get("finished_unrated").asLong(), out);
    assertEquals(0, stored.get("aborted_rated").asLong(), out);
    assertEquals(
        report.get("dropped").asLong(),
        report.get("reconnected").asLong(),
        "every dropped bot came back: " + out);
    // in a database of its own, not the demo's (arena)
    try (java.sql.Connection db =
            java.sql.DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/arena_bench", "postgres", "postgres");
        java.sql.ResultSet rs = db.createStatement().executeQuery("select count(*) from matches")) {
      rs.next();
      assertTrue(
          rs.getLong(1) >= stored.get("matches").asLong(),
          "the bench's matches are in arena_bench");
    }
    JsonNode live = report.get("instance_metrics").get(0).get("live_heap");
    assertTrue(live.get("start_mb").asDouble() > 0 && live.get("end_mb").asDouble() > 0, out);
  }

  private static String read(java.io.InputStream in) {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (java.io.IOException e) {
      throw new java.io.UncheckedIOException(e);
    }
  }
}

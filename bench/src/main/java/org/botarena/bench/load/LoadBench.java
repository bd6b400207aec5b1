package org.botarena.bench.load;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Histogram;
import org.botarena.db.AdminCommands;
import org.botarena.db.Database;
import org.botarena.db.DatabaseSettings;
import org.botarena.protocol.Json;

/**
 * The load generator ({@code ./arena bench load}): many protocol bots against a running stack,
 * measured over a window after a warm-up. Prints a short table and a JSON line.
 */
public final class LoadBench {

  private static final int CONNECT_BATCH = 50;

  private LoadBench() {}

  public static void main(String[] args) throws Exception {
    LoadOptions options;
    try {
      options = LoadOptions.parse(args);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      System.exit(2);
      return;
    }
    ObjectNode report = run(options);
    if (!options.json()) {
      System.out.println(LoadReport.table(report));
    }
    System.out.println(Json.write(report));
    System.exit(0);
  }

  static ObjectNode run(LoadOptions options) throws Exception {
    List<String> tokens = tokens(options);
    LoadStats stats = new LoadStats();
    ScheduledExecutorService thinker = Executors.newScheduledThreadPool(2);
    HttpClient http = HttpClient.newHttpClient(); // one selector thread for every socket
    List<LoadBot> bots = new ArrayList<>();
    long connectStart = System.nanoTime();
    for (int i = 0; i < tokens.size(); i += CONNECT_BATCH) {
      List<CompletableFuture<?>> batch = new ArrayList<>();
      for (int j = i; j < Math.min(tokens.size(), i + CONNECT_BATCH); j++) {
        LoadBot bot =
            new LoadBot(
                tokens.get(j),
                stats,
                options.thinkMs(),
                options.thinkMaxMs(),
                thinker,
                http,
                options.urls());
        bots.add(bot);
        batch.add(bot.connect(j));
      }
      CompletableFuture.allOf(batch.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
    }
    awaitWelcomes(stats, tokens.size());
    long connected = stats.welcomed.sum(); // before the window: reconnections welcome again
    double connectSeconds = (System.nanoTime() - connectStart) / 1e9;

    List<ServerMetrics> servers = options.urls().stream().map(LoadBench::metricsOf).toList();
    Thread.sleep(options.warmupSeconds() * 1000L);
    stats.reset();
    List<LiveHeap> heapsBefore =
        options.liveHeap() ? liveHeaps(options, servers.size()) : List.of();
    List<Map<String, Double>> before = readAll(servers);
    ProcessCpu cpuBefore = cpu(options, servers.size());
    List<List<Map<String, Double>>> samples = new ArrayList<>();
    servers.forEach(s -> samples.add(new ArrayList<>()));
    long start = System.nanoTime();
    Instant windowStart = Instant.now();
    double dropPerSecond = options.dropPerMinute() / 100 / 60;
    for (int s = 0; s < options.seconds(); s++) {
      Thread.sleep(1000);
      for (LoadBot bot : bots) {
        if (dropPerSecond > 0 && ThreadLocalRandom.current().nextDouble() < dropPerSecond) {
          bot.drop();
        }
      }
      List<Map<String, Double>> now = readAll(servers);
      for (int i = 0; i < servers.size(); i++) {
        samples.get(i).add(now.get(i));
      }
    }
    double window = (System.nanoTime() - start) / 1e9;
    Histogram turnaround = stats.turnaround.getIntervalHistogram();
    long started = stats.gamesStarted.sum();
    long ended = stats.gamesEnded.sum();
    long steps = stats.steps.sum();
    long errors = stats.errors.sum();
    long closed = stats.closed.sum();
    ProcessCpu cpuUsed = cpu(options, servers.size()).since(cpuBefore);
    List<Map<String, Double>> after = readAll(servers);
    List<LiveHeap> heapsAfter = options.liveHeap() ? liveHeaps(options, servers.size()) : List.of();
    // a bot dropped in the window's last seconds is still on its way back (1-3 s): wait for it
    long back = System.currentTimeMillis() + 10_000;
    while (stats.reconnected.sum() < stats.dropped.sum() && System.currentTimeMillis() < back) {
      Thread.sleep(100);
    }
    long dropped = stats.dropped.sum();
    long reconnected = stats.reconnected.sum();
    ObjectNode stored = MatchAudit.of(options.db(), windowStart, Instant.now());
    bots.forEach(LoadBot::close);
    thinker.shutdownNow();

    ObjectNode report = Json.object();
    report
        .put("bots", options.bots())
        .put("connected", connected)
        .put("instances", servers.size())
        .put("think_ms", options.thinkMs())
        .put("think_max_ms", options.thinkMaxMs())
        .put("connect_seconds", round(connectSeconds))
        .put("window_seconds", round(window))
        .put("games_started", started)
        .put("games_ended", ended)
        .put("matches_per_minute", round(ended / 2.0 / window * 60)) // every game ends for two bots
        .put("steps_per_second", round(steps / window))
        .put("errors", errors)
        .put("closed_by_server", closed)
        .put("dropped", dropped)
        .put("reconnected", reconnected);
    report.set("stored", stored);
    report.set("turnaround_ms", LoadReport.percentiles(turnaround, 1e-3));
    report.set("cpu", LoadReport.cpu(cpuUsed, ended / 2, steps, window));
    ArrayNode instances = report.putArray("instance_metrics");
    for (int i = 0; i < servers.size(); i++) {
      ObjectNode instance =
          LoadReport.instance(
              servers.get(i).base(), before.get(i), after.get(i), samples.get(i), window);
      if (options.liveHeap()) {
        instance.set("live_heap", LiveHeap.compare(heapsBefore.get(i), heapsAfter.get(i), 10));
      }
      instances.add(instance);
    }
    return report;
  }

  private static List<String> tokens(LoadOptions options) throws Exception {
    String user = System.getenv().getOrDefault("ARENA_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("ARENA_DB_PASSWORD", "postgres");
    AdminCommands admin =
        new AdminCommands(new Database(new DatabaseSettings(options.db(), user, password)));
    List<String> tokens = new ArrayList<>();
    for (int i = 0; i < options.bots(); i++) {
      tokens.add(admin.addBot("bench", "load-" + i, true));
    }
    return tokens;
  }

  private static List<LiveHeap> liveHeaps(LoadOptions options, int instances) throws Exception {
    List<LiveHeap> heaps = new ArrayList<>();
    for (int i = 1; i <= instances; i++) {
      heaps.add(LiveHeap.of(Path.of(options.pids(), "instance-" + i + ".pid")));
    }
    return heaps;
  }

  /** The stack's CPU time so far (nothing counted without the launcher's PID folder). */
  private static ProcessCpu cpu(LoadOptions options, int instances) {
    return options.pids() == null
        ? new ProcessCpu(java.util.Collections.nCopies(instances, 0.0), 0, 0, 0)
        : ProcessCpu.read(Path.of(options.pids()), instances);
  }

  private static void awaitWelcomes(LoadStats stats, int wanted) throws InterruptedException {
    long deadline = System.currentTimeMillis() + 120_000;
    while (stats.welcomed.sum() < wanted && System.currentTimeMillis() < deadline) {
      Thread.sleep(100);
    }
  }

  private static ServerMetrics metricsOf(String botUrl) {
    URI uri = URI.create(botUrl);
    return new ServerMetrics("http://" + uri.getHost() + ":" + uri.getPort());
  }

  private static List<Map<String, Double>> readAll(List<ServerMetrics> servers) throws Exception {
    List<Map<String, Double>> all = new ArrayList<>();
    for (ServerMetrics s : servers) {
      all.add(s.read());
    }
    return all;
  }

  static double round(double value) {
    return Math.round(value * 100) / 100.0;
  }
}

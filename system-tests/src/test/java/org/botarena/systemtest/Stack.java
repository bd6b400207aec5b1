package org.botarena.systemtest;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.botarena.db.AdminCommands;
import org.botarena.db.Database;
import org.botarena.db.DatabaseSettings;
import org.botarena.db.TournamentCommands;

/**
 * The real stack, started with the launcher ({@code ./arena up}) on ports and a database of its
 * own, so that it runs beside a demo: PostgreSQL, the embedded Artemis broker, Payara Micro
 * instances.
 */
final class Stack implements AutoCloseable {

  /** The two-instance stack of the walking-skeleton test. */
  static final Stack MATCHES = new Stack("systest", 18080, 61626, 16900);

  /** The one-instance stack of the protocol tests (other ports and database: never in the way). */
  static final Stack PROTOCOL = new Stack("protocol", 18180, 61636, 16950);

  /** The two-instance stack of the tournament tests. */
  static final Stack TOURNAMENT = new Stack("tournament", 18380, 61696, 17050);

  /** The two-instance stack of the fault tests (crashes, broker restart, database outage). */
  static final Stack FAULTS = new Stack("faults", 18280, 61686, 17000);

  /**
   * The one-instance stack of the portal's browser tests, with a registration key; the tests stand
   * in for a proxy on 127.0.0.1 (X-Forwarded-For) to sign in from many client addresses.
   */
  static final Stack PORTAL =
      new Stack("portal", 19180, 61676, 17950)
          .with("ARENA_REGISTRATION_KEY", "portal-test-key")
          .with("ARENA_TRUSTED_PROXIES", "127.0.0.1");

  /**
   * A demo on the embedded PostgreSQL, with the system one left alone (its own port and run
   * folder).
   */
  static final Stack EMBEDDED =
      new Stack("embedded", 18580, 61716, 17150).onEmbeddedDatabase(15499);

  /**
   * The two-instance stack of the fault matrix, on the embedded PostgreSQL so that restarting it
   * touches nothing else.
   */
  static final Stack MATRIX = new Stack("matrix", 18780, 61736, 17250).onEmbeddedDatabase(15519);

  /**
   * The one-instance stack whose training arena plays hockey, with the course's basic opponent
   * ({@code strong}) as the only house bot, filling in after one second.
   */
  static final Stack HOCKEY =
      new Stack("hockey", 18680, 61726, 17200)
          .with("ARENA_TRAINING_GAME", "hockey")
          .with("ARENA_MATCHMAKING_HOUSE_FILL_BOTS", "strong")
          .with("ARENA_MATCHMAKING_HOUSE_FILL_AFTER_SECONDS", "1");

  /**
   * The one-instance stack of several training arenas: simple and rps side by side, two games at
   * once per bot, no house bots filling in and no cool-down unless an arena's own settings say so.
   */
  static final Stack ARENAS =
      new Stack("arenas", 18980, 61756, 17350)
          .with("ARENA_TRAINING_GAMES", "simple,rps")
          .with("ARENA_TRAINING_PARALLEL_GAMES", "2")
          .with("ARENA_MATCHMAKING_HOUSE_FILL_BOTS", "none")
          .with("ARENA_MATCHMAKING_COOL_DOWN_SECONDS", "0")
          .with("ARENA_MATCHMAKING_COOL_DOWN_GAMES", "0")
          // a bot that waits in an arena while its two opponents there play each other gets its
          // turn within seconds (0.1 a second), not within minutes
          .with("ARENA_MATCHMAKING_WAITING_BONUS_PER_MINUTE", "6");

  /**
   * The one-instance stack whose games folder ({@link #gamesFolder}) the test fills before the
   * start, and whose training arena plays the example game of that folder, {@code coins}
   * (examples/coins-game), between connected bots only, paired however uneven they are.
   */
  static final Stack PLUGINS =
      new Stack("plugins", 18880, 61746, 17300)
          .with("ARENA_TRAINING_GAME", "coins")
          .with("ARENA_MATCHMAKING_HOUSE_FILL_BOTS", "none")
          .with("ARENA_MATCHMAKING_THRESHOLD", "0");

  /**
   * The stack as {@code ./arena demo} starts it: one instance, its house bots, default settings.
   */
  static final Stack DEMO = new Stack("demo", 18480, 61706, 17100).with("ARENA_HEAP", "512m");

  /** The one-instance stack of the public API's tests (and the bot page's chart that reads it). */
  static final Stack API = new Stack("api", 19080, 61766, 17400);

  private final Path root =
      Path.of(System.getProperty("arena.root", "..")).toAbsolutePath().normalize();
  private final Map<String, String> env = new HashMap<>();
  private final String database;

  /** Where the tests reach the stack's database (the launcher is told the same, or the port). */
  private String jdbcUrl;

  private boolean embedded;
  private final int httpPort;
  private final int brokerPort;

  private Stack(String name, int httpPort, int brokerPort, int hazelcastPort) {
    this.database = "arena_" + name;
    this.httpPort = httpPort;
    this.brokerPort = brokerPort;
    Path runDir =
        Path.of(
            System.getProperty("arena.run.dir", root.resolve("system-tests/target").toString()));
    env.put("ARENA_RUN_DIR", runDir.resolve("stack-" + name).toString());
    env.put("ARENA_GAMES_DIR", runDir.resolve("stack-" + name).resolve("games.d").toString());
    env.put("ARENA_HTTP_PORT", Integer.toString(httpPort));
    env.put("ARENA_BROKER_PORT", Integer.toString(brokerPort));
    env.put("ARENA_HAZELCAST_PORT", Integer.toString(hazelcastPort));
    env.put("ARENA_CLUSTER", "arena-" + name);
    jdbcUrl = "jdbc:postgresql://127.0.0.1:5432/" + database;
    env.put("ARENA_DB_URL", jdbcUrl);
    env.put("ARENA_HEAP", "384m");
  }

  /**
   * A copy of {@code other}, whose settings can then differ (its ports and database are the same:
   * never both at once).
   */
  private Stack(Stack other) {
    this.database = other.database;
    this.httpPort = other.httpPort;
    this.brokerPort = other.brokerPort;
    this.jdbcUrl = other.jdbcUrl;
    this.embedded = other.embedded;
    this.env.putAll(other.env);
  }

  /** This stack with settings of its own: {@link #with} on the copy leaves this one as it is. */
  Stack copy() {
    return new Stack(this);
  }

  /**
   * The launcher picks the database: the embedded PostgreSQL on {@code port}, database {@code
   * arena}.
   */
  private Stack onEmbeddedDatabase(int port) {
    env.remove("ARENA_DB_URL");
    env.put("ARENA_DB", "embedded");
    env.put("ARENA_EMBEDDED_DB_PORT", Integer.toString(port));
    jdbcUrl = "jdbc:postgresql://127.0.0.1:" + port + "/arena";
    embedded = true;
    return this;
  }

  /**
   * The games folder the instances load (ARENA_GAMES_DIR): {@code games.d} in the run folder, so
   * that no stack sees the jars of the project's own {@code games.d}.
   */
  Path gamesFolder() {
    return Path.of(env.get("ARENA_GAMES_DIR"));
  }

  /** Whether this stack runs on the embedded PostgreSQL. */
  boolean embedded() {
    return embedded;
  }

  /** The run folder, where the launcher keeps PID files, logs and the embedded database's data. */
  Path runDir() {
    return Path.of(env.get("ARENA_RUN_DIR"));
  }

  /** Runs the launcher with these arguments (e.g. {@code status}); returns what it printed. */
  String run(String... args) throws IOException, InterruptedException {
    return launcher(120, args);
  }

  /**
   * Sets an environment variable of the launcher (and so a MicroProfile Config value of the
   * instances).
   */
  Stack with(String name, String value) {
    env.put(name, value);
    return this;
  }

  /** The portal's base URL on an instance, e.g. {@code http://127.0.0.1:19180/arena}. */
  String portalUrl(int instance) {
    return "http://127.0.0.1:" + (httpPort + instance - 1) + "/arena";
  }

  /** What an instance has logged so far. */
  String log(int instance) throws IOException {
    return java.nio.file.Files.readString(
        Path.of(env.get("ARENA_RUN_DIR"), "logs", "instance-" + instance + ".log"));
  }

  /** The database's name (the fault tests cut it off). */
  String databaseName() {
    return database;
  }

  /** Stops the broker (SIGTERM) and starts it again on the same journal. */
  void restartBroker() throws IOException, InterruptedException {
    launcher(120, "restart-broker");
  }

  /** Starts {@code instances} instances on a fresh database. */
  void start(int instances) throws Exception {
    launcher(60, "stop");
    freshDatabase();
    String out =
        launcher(
            400, "up", "--instances", Integer.toString(instances), "--no-house-bots", "--detach");
    if (!out.contains("Bot Arena is up")) {
      throw new IllegalStateException("the stack did not start:\n" + out);
    }
  }

  /** Starts the stack as a user does: {@code ./arena demo --detach}, on a fresh database. */
  void startDemo() throws Exception {
    launcher(60, "stop");
    freshDatabase();
    String out = launcher(400, "demo", "--detach");
    if (!out.contains("Bot Arena is up")) {
      throw new IllegalStateException("the demo did not start:\n" + out);
    }
  }

  /** The run folder's logs of this stack, e.g. the house bots' {@code bot-house-*.log}. */
  Path logs() {
    return Path.of(env.get("ARENA_RUN_DIR"), "logs");
  }

  /**
   * A fresh database: dropped on the system PostgreSQL, or the embedded one's data folder removed.
   */
  private void freshDatabase() throws Exception {
    if (embedded) {
      Path data = runDir().resolve("postgres");
      if (Files.exists(data)) {
        try (java.util.stream.Stream<Path> files = Files.walk(data)) {
          files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
      }
      return;
    }
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres")) {
      c.createStatement().execute("drop database if exists " + database + " with (force)");
    }
  }

  /** The project's root directory (the SDKs live under it). */
  Path root() {
    return root;
  }

  /**
   * A new bot of a team; returns its token (the admin CLI's code, run in-process: no JVM start per
   * bot).
   */
  String addBot(String team, String name) throws Exception {
    return admin().addBot(team, name, false);
  }

  /** Starts instance {@code index} again (after {@link #kill}), and waits until it is ready. */
  void startInstance(int index) throws IOException, InterruptedException {
    launcher(240, "start-instance", Integer.toString(index));
  }

  /** The admin CLI's tournament commands on this stack's database. */
  TournamentCommands tournaments() {
    return new TournamentCommands(
        new Database(new DatabaseSettings(jdbcUrl, "postgres", "postgres")));
  }

  /** The admin CLI's commands on this stack's database. */
  AdminCommands admin() {
    return new AdminCommands(new Database(new DatabaseSettings(jdbcUrl, "postgres", "postgres")));
  }

  /** The live heap of instance {@code index} in bytes, after a full GC (jcmd on its PID). */
  long liveHeap(int index) throws IOException, InterruptedException {
    long pid =
        Long.parseLong(
            java.nio.file.Files.readString(runDir().resolve("pids/instance-" + index + ".pid"))
                .strip());
    String jcmd = Path.of(System.getProperty("java.home"), "bin", "jcmd").toString();
    jcmd(jcmd, pid, "GC.run");
    String info = jcmd(jcmd, pid, "GC.heap_info");
    java.util.regex.Matcher used = java.util.regex.Pattern.compile("used (\\d+)K").matcher(info);
    if (!used.find()) {
      throw new IllegalStateException("no heap size in: " + info);
    }
    return Long.parseLong(used.group(1)) * 1024;
  }

  private static String jcmd(String jcmd, long pid, String command)
      throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(jcmd, Long.toString(pid), command).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(60, TimeUnit.SECONDS) || p.exitValue() != 0) {
      throw new IllegalStateException("jcmd " + command + " failed: " + out);
    }
    return out;
  }

  /**
   * SIGKILLs the broker, as a crash would end it ({@link #restartBroker} starts it again on its
   * journal).
   */
  void killBroker() throws IOException {
    killForcibly("broker");
  }

  /** Stops and starts the stack's embedded PostgreSQL (its data stays). */
  void restartDatabase() throws IOException, InterruptedException {
    launcher(180, "restart-database");
  }

  /** SIGSTOPs instance {@code index}: it holds its sockets and leases but does nothing. */
  void freeze(int index) throws IOException, InterruptedException {
    signal("STOP", index);
  }

  /** SIGCONTs a frozen instance. */
  void thaw(int index) throws IOException, InterruptedException {
    signal("CONT", index);
  }

  private void signal(String signal, int index) throws IOException, InterruptedException {
    Process kill =
        new ProcessBuilder("kill", "-" + signal, Long.toString(pid("instance-" + index)))
            .inheritIO()
            .start();
    if (kill.waitFor() != 0) {
      throw new IllegalStateException("kill -" + signal + " instance-" + index + " failed");
    }
  }

  private long pid(String process) throws IOException {
    return Long.parseLong(
        java.nio.file.Files.readString(runDir().resolve("pids/" + process + ".pid")).strip());
  }

  private void killForcibly(String process) throws IOException {
    ProcessHandle.of(pid(process))
        .ifPresent(
            handle -> {
              handle.destroyForcibly();
              handle
                  .onExit()
                  .orTimeout(20, TimeUnit.SECONDS)
                  .join(); // dead before the caller goes on
            });
  }

  /** SIGKILLs instance {@code index} (from its PID file), as a crash would end it. */
  void kill(int index) throws IOException {
    killForcibly("instance-" + index);
  }

  /** An observer's socket for a game on an instance. */
  String watchUrl(int instance, java.util.UUID game) {
    return "ws://127.0.0.1:" + (httpPort + instance - 1) + "/arena/ws/watch/" + game;
  }

  String botUrl(int instance) {
    return "ws://127.0.0.1:" + (httpPort + instance - 1) + "/arena/ws/bot";
  }

  /**
   * A JMS connection factory of the stack's broker, with the user and password the launcher
   * generated.
   */
  org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory broker() throws IOException {
    String password =
        Files.readAllLines(runDir().resolve("broker.credentials")).stream()
            .filter(l -> l.startsWith("ARENA_BROKER_PASSWORD="))
            .map(l -> l.substring(l.indexOf('=') + 1))
            .findFirst()
            .orElseThrow();
    return new org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory(
        brokerUrl(), "arena", password);
  }

  String brokerUrl() {
    return "tcp://127.0.0.1:" + brokerPort;
  }

  /** The URL of a path of the application on an instance. */
  String url(int instance, String path) {
    return portalUrl(instance) + "/" + path;
  }

  String get(int instance, String path) throws IOException, InterruptedException {
    return request(instance, "/arena/" + path).body();
  }

  /** A GET of an absolute path on an instance (e.g. {@code /health/ready}). */
  HttpResponse<String> request(int instance, String path) throws IOException, InterruptedException {
    return request(instance, path, java.time.Duration.ofMinutes(2));
  }

  /**
   * The same, given up after {@code timeout} (a frozen instance accepts the connection and never
   * answers).
   */
  HttpResponse<String> request(int instance, String path, java.time.Duration timeout)
      throws IOException, InterruptedException {
    return HttpClient.newHttpClient()
        .send(
            HttpRequest.newBuilder(
                    URI.create("http://127.0.0.1:" + (httpPort + instance - 1) + path))
                .timeout(timeout)
                .build(),
            HttpResponse.BodyHandlers.ofString());
  }

  Connection database() throws SQLException {
    return DriverManager.getConnection(jdbcUrl, "postgres", "postgres");
  }

  String launcher(int seconds, String... args) throws IOException, InterruptedException {
    Ran ran = launcherStatus(seconds, args);
    if (ran.exit() != 0) {
      throw new IllegalStateException(
          "./arena " + String.join(" ", args) + " failed:\n" + ran.output());
    }
    return ran.output();
  }

  /** What a run of the launcher printed, and its exit status. */
  record Ran(int exit, String output) {}

  /** Runs the launcher and returns its exit status with its output, whatever the status. */
  Ran launcherStatus(int seconds, String... args) throws IOException, InterruptedException {
    List<String> command = new ArrayList<>();
    command.add(root.resolve("arena").toString());
    command.addAll(List.of(args));
    ProcessBuilder builder =
        new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true);
    // only this stack's settings: `./arena test` exports its own (ARENA_DB_URL among them), and an
    // inherited one would point this stack at another database
    // (but for how long to wait for an instance: a machine's trait, not a stack's setting)
    builder
        .environment()
        .keySet()
        .removeIf(name -> name.startsWith("ARENA_") && !name.equals("ARENA_START_SECONDS"));
    builder.environment().putAll(env);
    Process process = builder.start();
    process.getOutputStream().close();
    byte[] output = process.getInputStream().readAllBytes();
    if (!process.waitFor(seconds, TimeUnit.SECONDS)) {
      process.destroyForcibly();
      throw new IllegalStateException(
          "./arena " + String.join(" ", args) + " took over " + seconds + " s");
    }
    return new Ran(process.exitValue(), new String(output, StandardCharsets.UTF_8));
  }

  @Override
  public void close() throws Exception {
    launcher(120, "stop");
  }
}

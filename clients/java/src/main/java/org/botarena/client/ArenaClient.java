package org.botarena.client;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * Plays an {@link Agent} on a Bot Arena server (protocol 1) until {@link #close()}, or until {@link
 * #maxGames} games are over. A lost connection is retried with exponential backoff and jitter;
 * closes 4001 (bad token), 4002 (protocol violation) and 4003 (replaced) are not, and end {@link
 * #run()} with a {@link FatalCloseException}. Games in progress survive a reconnect: the server
 * keeps them for its grace period and asks the open step again on the new connection.
 *
 * <p>Leaving: once the games in progress are the last ones wanted ({@link #maxGames}), or the
 * agent's {@link Agent#isReady()} turns false (checked at each {@code ready?}, game start and game
 * end), the client sends {@code {"type":"ready","ready":false}} at once, before the game ends, so
 * that the server makes no new game for it; with {@link #maxGames} it closes after the last one.
 */
public final class ArenaClient implements AutoCloseable {

  static final String CLIENT = "arena-java/0.1.0";

  /** Silence after which the client pings the server, to notice a connection that died unclosed. */
  private static final int IDLE_PING_SECONDS = 15;

  private static final Logger LOG = Logger.getLogger("org.botarena.client");
  private static final Map<Integer, String> FATAL =
      Map.of(
          4001,
          "authentication failed",
          4002,
          "protocol violation",
          4003,
          "replaced by another connection");

  private final URI url;
  private final String token;
  private final Agent agent;
  private final HttpClient http = HttpClient.newHttpClient();
  private int maxGames = Integer.MAX_VALUE;
  private List<String> gameTypes;
  private boolean reconnect = true;
  private Duration backoffInitial = Duration.ofSeconds(1);
  private Duration backoffMax = Duration.ofSeconds(30);
  private final Map<String, Integer> results = new HashMap<>();
  private final Map<String, GameInfo> games = new HashMap<>();

  /**
   * Games in progress when a connection dropped: a step of one on the new connection resumes it.
   */
  private final Map<String, GameInfo> resumable = new HashMap<>();

  /**
   * What this connection last told the server: in matchmaking (TRUE), out (FALSE), nothing yet
   * (null).
   */
  private Boolean toldReady;

  private volatile boolean stopping;
  private volatile WebSocket socket;
  private int played;
  private String lastError;

  public ArenaClient(URI url, String token, Agent agent) {
    if (token == null || token.isBlank()) {
      throw new IllegalArgumentException(
          "a token is needed (the portal shows it once when the bot is created)");
    }
    this.url = url;
    this.token = token;
    this.agent = agent;
  }

  /** Stops after this many games. */
  public ArenaClient maxGames(int games) {
    this.maxGames = games;
    return this;
  }

  /**
   * The training games the bot wants (hello's {@code games}), e.g. {@code "hockey", "rps"}; none
   * given (the default): every training arena the server has. A game the server has no training
   * arena for is refused at hello (close 4002, a {@link FatalCloseException}).
   */
  public ArenaClient games(String... gameTypes) {
    if (gameTypes.length == 0) {
      throw new IllegalArgumentException("name at least one game, or leave games out");
    }
    this.gameTypes = List.of(gameTypes);
    return this;
  }

  /** Whether a lost connection is tried again (default true). */
  public ArenaClient reconnect(boolean again) {
    this.reconnect = again;
    return this;
  }

  /** The first and the longest wait before connecting again. */
  public ArenaClient backoff(Duration initial, Duration max) {
    this.backoffInitial = initial;
    this.backoffMax = max;
    return this;
  }

  /** Games ended so far, by result (win, loss, draw, aborted). */
  public synchronized Map<String, Integer> results() {
    return new HashMap<>(results);
  }

  /** Plays until stopped; returns the number of games played. */
  public int run() throws InterruptedException {
    int attempt = 0;
    while (!stopping && played < maxGames) {
      boolean welcomed = false;
      try {
        welcomed = session();
      } catch (ExecutionException | TimeoutException e) {
        LOG.warning("connection failed: " + (e.getCause() == null ? e : e.getCause()));
      }
      if (stopping || played >= maxGames || !reconnect) {
        break;
      }
      attempt = welcomed ? 0 : attempt + 1;
      Thread.sleep(backoff(attempt));
    }
    return played;
  }

  /** Half the exponential delay fixed, half random, so that many bots do not return at once. */
  private long backoff(int attempt) {
    long delay =
        Math.min(backoffMax.toMillis(), backoffInitial.toMillis() << Math.min(attempt, 20));
    long wait = delay / 2 + ThreadLocalRandom.current().nextLong(delay / 2 + 1);
    LOG.info("reconnecting in " + wait + " ms");
    return wait;
  }

  /** Ends the connection (with a normal close) and makes {@link #run()} return. */
  @Override
  public void close() {
    stopping = true;
    WebSocket open = socket;
    if (open != null && !open.isOutputClosed()) {
      open.sendClose(WebSocket.NORMAL_CLOSURE, "bye");
    }
  }

  private boolean session() throws InterruptedException, ExecutionException, TimeoutException {
    BlockingQueue<Object> frames = new LinkedBlockingQueue<>();
    socket =
        http.newWebSocketBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .buildAsync(url, new Frames(frames))
            .get(15, TimeUnit.SECONDS);
    boolean welcomed = false;
    toldReady = null;
    lastError = null;
    send(hello());
    long lastHeard = System.nanoTime();
    try {
      while (true) {
        Object frame = frames.poll(1, TimeUnit.SECONDS);
        if (frame == null) {
          if (stopping) {
            return welcomed;
          }
          if (System.nanoTime() - lastHeard > TimeUnit.SECONDS.toNanos(IDLE_PING_SECONDS)) {
            // a peer that vanished without closing is found by writing to it: the pong proves it is
            // there
            lastHeard = System.nanoTime();
            try {
              send(Map.of("type", "ping"));
            } catch (RuntimeException e) {
              LOG.warning("connection lost: " + e.getMessage());
              return welcomed;
            }
          }
          if (Boolean.FALSE.equals(toldReady) && wantsGames(false)) {
            LOG.info("ready again");
            send(Map.of("type", "ready", "ready", true));
            toldReady = true;
          }
          continue;
        }
        if (frame instanceof Closed closed) {
          call(() -> agent.onDisconnect(closed.code, closed.reason));
          if (FATAL.containsKey(closed.code)) {
            throw new FatalCloseException(closed.code, FATAL.get(closed.code), lastError);
          }
          if (!stopping && played < maxGames) {
            LOG.warning("disconnected (" + closed.code + " " + closed.reason + ")");
          }
          return welcomed;
        }
        lastHeard = System.nanoTime();
        Map<String, Object> message = parse((String) frame);
        switch (String.valueOf(message.get("type"))) {
          case "welcome" -> {
            welcomed = true;
            Map<?, ?> bot = message.get("bot") instanceof Map<?, ?> m ? m : Map.of();
            LOG.info("connected as " + bot.get("name") + " (team " + bot.get("team") + ")");
          }
          case "ready?" -> {
            boolean ready = wantsGames(true);
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("type", "ready");
            answer.put("id", message.get("id"));
            answer.put("ready", ready);
            send(answer);
            if (!ready) {
              LOG.info("not ready: out of matchmaking until isReady() says true");
            }
            toldReady = ready;
          }
          case "game_start" -> {
            gameStart(message);
            leaveIfDone();
          }
          case "step" -> {
            step(message);
            leaveIfDone();
          }
          case "game_end" -> {
            gameEnd(message);
            if (played >= maxGames) {
              socket.sendClose(WebSocket.NORMAL_CLOSURE, "done");
            } else {
              leaveIfDone();
            }
          }
          case "message" -> {
            LOG.info("server: " + message.get("text"));
            call(() -> agent.onMessage(String.valueOf(message.get("text"))));
          }
          case "error" -> error(message);
          default -> LOG.fine("ignored a frame of type " + message.get("type"));
        }
      }
    } finally {
      games
          .keySet()
          .forEach(
              game ->
                  LOG.warning(
                      "game "
                          + game
                          + " in progress at the disconnect: it goes on if the bot is back in"
                          + " time"));
      resumable.putAll(games);
      games.clear();
      if (!socket.isOutputClosed()) {
        socket.abort();
      }
    }
  }

  /**
   * Whether to be in matchmaking: not once the games in progress are the last ones wanted, nor
   * while the agent's {@link Agent#isReady()} says false ({@code fallback} if it throws).
   */
  private boolean wantsGames(boolean fallback) {
    if ((long) played + games.size() >= maxGames) {
      return false;
    }
    return call(agent::isReady, fallback);
  }

  /** Out of matchmaking before the current game ends, when no further game is wanted. */
  private void leaveIfDone() {
    if (Boolean.TRUE.equals(toldReady) && !wantsGames(true)) {
      LOG.info("leaving matchmaking: no new game after the one(s) in progress");
      send(Map.of("type", "ready", "ready", false));
      toldReady = false;
    }
  }

  @SuppressWarnings("unchecked")
  private void gameStart(Map<String, Object> message) {
    GameInfo info =
        new GameInfo(
            String.valueOf(message.get("game")),
            String.valueOf(message.get("game_type")),
            ((List<Object>) message.getOrDefault("spots", List.of()))
                .stream().map(spot -> ((Number) spot).intValue()).toList(),
            ((List<Object>) message.getOrDefault("opponents", List.of()))
                .stream().map(String::valueOf).toList(),
            (Map<String, Object>) message.getOrDefault("config", Map.of()));
    games.put(info.game(), info);
    LOG.info(
        "game "
            + info.game()
            + ": "
            + info.gameType()
            + " against "
            + String.join(", ", info.opponents())
            + ", spot(s) "
            + info.spots());
    call(() -> agent.onStartGame(info));
  }

  private void step(Map<String, Object> message) {
    String game = String.valueOf(message.get("game"));
    GameInfo info = games.get(game);
    if (info == null) {
      // a game resumed on this connection (or begun before this process started)
      info = resumable.remove(game);
      games.put(
          game, info != null ? info : new GameInfo(game, null, List.of(), List.of(), Map.of()));
      LOG.info("game " + game + " resumed at step " + message.get("seq"));
    }
    Step step =
        new Step(
            game,
            info == null ? null : info.gameType(),
            ((Number) message.get("spot")).intValue(),
            ((Number) message.get("seq")).intValue(),
            ((Number) message.getOrDefault("deadline_ms", 0)).longValue(),
            message.get("observation"));
    Object action;
    try {
      action = agent.getStep(step);
      Json.write(action); // an action JSON cannot carry fails here, in the agent's name
    } catch (RuntimeException e) {
      LOG.log(
          Level.SEVERE,
          "getStep failed in game " + game + " step " + step.seq() + "; sending no action",
          e);
      return;
    }
    if (Json.hasNonFinite(action)) {
      LOG.severe(
          "getStep returned NaN or infinity in game "
              + game
              + " step "
              + step.seq()
              + ": "
              + Json.write(action)
              + " (the server will refuse it)");
    }
    Map<String, Object> answer = new LinkedHashMap<>();
    answer.put("type", "action");
    answer.put("game", game);
    answer.put("spot", step.spot());
    answer.put("seq", step.seq());
    answer.put("action", action);
    send(answer);
  }

  @SuppressWarnings("unchecked")
  private void gameEnd(Map<String, Object> message) {
    GameEnd end =
        new GameEnd(
            String.valueOf(message.get("game")),
            String.valueOf(message.getOrDefault("result", "aborted")),
            String.valueOf(message.get("reason")),
            (Map<String, Object>) message.getOrDefault("scores", Map.of()),
            (Map<String, Object>) message.getOrDefault("stats", Map.of()));
    games.remove(end.game());
    resumable.remove(end.game());
    synchronized (this) {
      played++;
      results.merge(end.result(), 1, Integer::sum);
    }
    LOG.info(
        "game "
            + end.game()
            + " ended: "
            + end.result()
            + " ("
            + end.reason()
            + "), scores "
            + Json.write(end.scores()));
    call(() -> agent.onEndGame(end));
  }

  private void error(Map<String, Object> message) {
    String code = String.valueOf(message.get("code"));
    String text = String.valueOf(message.get("message"));
    lastError = code + ": " + text;
    LOG.warning(
        "server error "
            + code
            + (message.get("game") == null ? "" : " (game " + message.get("game") + ")")
            + ": "
            + text);
    call(() -> agent.onError(code, text));
  }

  /** The hello frame: token, client name and, when chosen, the games wanted. */
  Map<String, Object> hello() {
    Map<String, Object> hello = new java.util.LinkedHashMap<>();
    hello.put("type", "hello");
    hello.put("protocol", 1);
    hello.put("token", token);
    hello.put("client", CLIENT);
    if (gameTypes != null) {
      hello.put("games", gameTypes);
    }
    return hello;
  }

  private void send(Map<String, Object> frame) {
    // one frame at a time: the JDK WebSocket refuses a send while the previous one is pending
    socket.sendText(Json.write(frame), true).toCompletableFuture().join();
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> parse(String text) {
    try {
      Object value = Json.parse(text);
      if (value instanceof Map<?, ?>) {
        return (Map<String, Object>) value;
      }
    } catch (IllegalArgumentException e) {
      LOG.warning("the server sent something that is not JSON: " + e.getMessage());
    }
    return Map.of();
  }

  /** An agent callback: its exceptions are logged, never allowed to end the connection. */
  private static void call(Runnable callback) {
    try {
      callback.run();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the agent's callback failed", e);
    }
  }

  private static boolean call(java.util.function.BooleanSupplier callback, boolean fallback) {
    try {
      return callback.getAsBoolean();
    } catch (RuntimeException e) {
      LOG.log(Level.SEVERE, "the agent's isReady failed", e);
      return fallback;
    }
  }

  /** 1006: the connection ended without a close frame. */
  private static final int ABNORMAL = 1006;

  private record Closed(int code, String reason) {}

  /** Collects whole text frames (and the close) into the queue the session reads. */
  private static final class Frames implements WebSocket.Listener {

    private final BlockingQueue<Object> queue;
    private final StringBuilder partial = new StringBuilder();

    Frames(BlockingQueue<Object> queue) {
      this.queue = queue;
    }

    @Override
    public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
      partial.append(data);
      if (last) {
        queue.add(partial.toString());
        partial.setLength(0);
      }
      webSocket.request(1);
      return null;
    }

    @Override
    public CompletionStage<?> onClose(WebSocket webSocket, int statusCode, String reason) {
      queue.add(new Closed(statusCode, reason));
      return null;
    }

    @Override
    public void onError(WebSocket webSocket, Throwable error) {
      queue.add(new Closed(ABNORMAL, String.valueOf(error)));
    }
  }
}

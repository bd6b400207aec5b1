package org.botarena.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.BadFrame;
import org.botarena.protocol.Frame;
import org.botarena.protocol.FrameCodec;

/**
 * One protocol bot of the load: it plays every game it is given with the game's {@code random}
 * house bot (so any game works), after an optional think time, and records the turnaround. It can
 * be cut off on purpose ({@link #drop}) and then comes back with the same token, resuming its games
 * where the server is at (the reconnect grace).
 */
final class LoadBot implements WebSocket.Listener {

  private static final Logger LOG = Logger.getLogger(LoadBot.class.getName());

  private final String token;
  private final LoadStats stats;
  private final long thinkMs;
  private final long thinkMaxMs;
  private final ScheduledExecutorService thinker;
  private final HttpClient http;
  private final List<String> urls;
  private final StringBuilder partial = new StringBuilder();

  /** Per game and spot: the house bot that plays it and when the last action left. */
  private final Map<String, HouseBot> players = new ConcurrentHashMap<>();

  private final Map<String, Long> actionSentAt = new ConcurrentHashMap<>();
  private volatile WebSocket socket;
  private volatile boolean dropping;

  LoadBot(
      String token,
      LoadStats stats,
      long thinkMs,
      long thinkMaxMs,
      ScheduledExecutorService thinker,
      HttpClient http,
      List<String> urls) {
    this.token = token;
    this.stats = stats;
    this.thinkMs = thinkMs;
    this.thinkMaxMs = thinkMaxMs;
    this.thinker = thinker;
    this.http = http;
    this.urls = urls;
  }

  /** Connects to the {@code index}-th URL (in turn over the instances). */
  CompletableFuture<WebSocket> connect(int index) {
    return http.newWebSocketBuilder().buildAsync(URI.create(urls.get(index % urls.size())), this);
  }

  /**
   * Cuts the connection without a close frame, as a Wi-Fi blip or a killed process does, and comes
   * back after 1-3 s to any instance; its games go on if the server keeps them.
   */
  void drop() {
    WebSocket ws = socket;
    if (ws == null || dropping) {
      return;
    }
    dropping = true;
    stats.dropped.increment();
    ws.abort();
    thinker.schedule(
        () ->
            connect(ThreadLocalRandom.current().nextInt(urls.size()))
                .whenComplete(
                    (w, e) -> {
                      dropping = false;
                      if (e == null) {
                        stats.reconnected.increment();
                      } else {
                        LOG.warning(() -> "could not reconnect: " + e);
                      }
                    }),
        ThreadLocalRandom.current().nextLong(1000, 3001),
        TimeUnit.MILLISECONDS);
  }

  @Override
  public void onOpen(WebSocket ws) {
    socket = ws;
    send(new Frame.Hello(token, "arena-bench/1"));
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      try {
        handle(FrameCodec.fromServer(text));
      } catch (BadFrame e) {
        stats.errors.increment();
        LOG.warning(() -> "unreadable frame from the server (" + e.getMessage() + "): " + text);
      }
    }
    ws.request(1);
    return null;
  }

  private void handle(Frame frame) {
    if (frame instanceof Frame.Welcome) {
      stats.welcomed.increment();
    } else if (frame instanceof Frame.ReadyQuestion question) {
      send(new Frame.Ready(question.id(), true));
    } else if (frame instanceof Frame.GameStart start) {
      start(start);
    } else if (frame instanceof Frame.Step step) {
      step(step);
    } else if (frame instanceof Frame.GameEnd end) {
      stats.gamesEnded.increment();
      players.keySet().removeIf(key -> key.startsWith(end.game()));
      actionSentAt.keySet().removeIf(key -> key.startsWith(end.game()));
    } else if (frame instanceof Frame.Error error) {
      stats.errors.increment();
      LOG.fine(() -> "error: " + error);
    }
  }

  private void start(Frame.GameStart start) {
    stats.gamesStarted.increment();
    GameType type = Games.type(start.gameType());
    ObjectNode config = type.config(start.gameConfig());
    for (int spot : start.spots()) {
      HouseBot.Factory random = type.houseBots().get("random");
      players.put(
          key(start.game(), spot), random.create(config, spot, start.game().hashCode() + spot));
    }
  }

  private void step(Frame.Step step) {
    long now = System.nanoTime();
    stats.steps.increment();
    String key = key(step.game(), step.spot());
    Long sent = actionSentAt.get(key);
    if (sent != null) {
      stats.turnaround.recordValue(Math.max(0, (now - sent) / 1000));
    }
    HouseBot player = players.get(key);
    if (player == null) {
      return; // a step of a game whose start we missed: the deadline will tell
    }
    Frame.Action action = step.answer(player.act(step.observation()));
    long think =
        thinkMaxMs > thinkMs
            ? ThreadLocalRandom.current().nextLong(thinkMs, thinkMaxMs + 1)
            : thinkMs;
    if (think > 0) {
      thinker.schedule(() -> act(key, action), think, TimeUnit.MILLISECONDS);
    } else {
      act(key, action);
    }
  }

  private void act(String key, Frame.Action action) {
    actionSentAt.put(key, System.nanoTime());
    send(action);
  }

  private static String key(String game, int spot) {
    return game + "/" + spot;
  }

  private synchronized void send(Frame frame) {
    try {
      socket.sendText(frame.json(), true).join();
    } catch (RuntimeException e) {
      if (!dropping) {
        throw e;
      } // an action of the cut connection: the server asks the step again after the reconnect
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    if (ws != socket || dropping) {
      return null; // the connection cut on purpose
    }
    stats.closed.increment();
    LOG.warning(() -> "closed by the server: " + statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    if (ws != socket || dropping) {
      return;
    }
    stats.closed.increment();
    LOG.warning(() -> "socket error: " + error);
  }

  void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over");
    }
  }
}

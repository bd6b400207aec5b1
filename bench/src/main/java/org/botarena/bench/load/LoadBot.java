package org.botarena.bench.load;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.http.WebSocket;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Logger;
import org.botarena.games.Games;
import org.botarena.games.Json;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;

/**
 * One protocol bot of the load: it plays every game it is given with the game's {@code random}
 * house bot (so any game works), after an optional think time, and records the turnaround.
 */
final class LoadBot implements WebSocket.Listener {

  private static final Logger LOG = Logger.getLogger(LoadBot.class.getName());

  private final String token;
  private final LoadStats stats;
  private final long thinkMs;
  private final ScheduledExecutorService thinker;
  private final StringBuilder partial = new StringBuilder();
  /** Per game and spot: the house bot that plays it and when the last action left. */
  private final Map<String, HouseBot> players = new ConcurrentHashMap<>();
  private final Map<String, Long> actionSentAt = new ConcurrentHashMap<>();
  private WebSocket socket;

  LoadBot(String token, LoadStats stats, long thinkMs, ScheduledExecutorService thinker) {
    this.token = token;
    this.stats = stats;
    this.thinkMs = thinkMs;
    this.thinker = thinker;
  }

  @Override
  public void onOpen(WebSocket ws) {
    socket = ws;
    send(Json.object().put("type", "hello").put("protocol", 1).put("token", token).put("client", "arena-bench/1"));
    ws.request(1);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      JsonNode frame = Json.parse(partial.toString());
      partial.setLength(0);
      handle(frame);
    }
    ws.request(1);
    return null;
  }

  private void handle(JsonNode frame) {
    switch (frame.path("type").asText()) {
      case "welcome" -> stats.welcomed.increment();
      case "ready?" -> send(Json.object().put("type", "ready").put("id", frame.get("id").asLong()).put("ready", true));
      case "game_start" -> start(frame);
      case "step" -> step(frame);
      case "game_end" -> {
        stats.gamesEnded.increment();
        String game = frame.get("game").asText();
        players.keySet().removeIf(key -> key.startsWith(game));
        actionSentAt.keySet().removeIf(key -> key.startsWith(game));
      }
      case "error" -> {
        stats.errors.increment();
        LOG.fine(() -> "error: " + frame);
      }
      default -> { }
    }
  }

  private void start(JsonNode frame) {
    stats.gamesStarted.increment();
    GameType type = Games.type(frame.get("game_type").asText());
    ObjectNode config = type.config(withoutPlatformKeys(frame.get("config")));
    for (JsonNode spot : frame.get("spots")) {
      HouseBot.Factory random = type.houseBots().get("random");
      players.put(key(frame.get("game").asText(), spot.asInt()),
          random.create(config, spot.asInt(), frame.get("game").asText().hashCode() + spot.asInt()));
    }
  }

  private static JsonNode withoutPlatformKeys(JsonNode config) {
    ObjectNode copy = ((ObjectNode) config).deepCopy();
    copy.remove("deadline_ms");
    copy.remove("max_timeouts");
    return copy;
  }

  private void step(JsonNode frame) {
    long now = System.nanoTime();
    stats.steps.increment();
    String key = key(frame.get("game").asText(), frame.get("spot").asInt());
    Long sent = actionSentAt.get(key);
    if (sent != null) {
      stats.turnaround.recordValue(Math.max(0, (now - sent) / 1000));
    }
    HouseBot player = players.get(key);
    if (player == null) {
      return; // a step of a game whose start we missed: the deadline will tell
    }
    ObjectNode action = Json.object().put("type", "action").put("game", frame.get("game").asText())
        .put("spot", frame.get("spot").asInt()).put("seq", frame.get("seq").asLong());
    action.set("action", player.act(frame.get("observation")));
    if (thinkMs > 0) {
      thinker.schedule(() -> act(key, action), thinkMs, TimeUnit.MILLISECONDS);
    } else {
      act(key, action);
    }
  }

  private void act(String key, ObjectNode action) {
    actionSentAt.put(key, System.nanoTime());
    send(action);
  }

  private static String key(String game, int spot) {
    return game + "/" + spot;
  }

  private synchronized void send(JsonNode frame) {
    socket.sendText(Json.write(frame), true).join();
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    stats.closed.increment();
    LOG.warning(() -> "closed by the server: " + statusCode + " " + reason);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    stats.closed.increment();
    LOG.warning(() -> "socket error: " + error);
  }

  void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bench over");
    }
  }
}

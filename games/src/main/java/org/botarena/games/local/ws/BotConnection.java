package org.botarena.games.local.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.botarena.games.Json;
import org.botarena.games.local.Contestant.ContestantGone;

/**
 * One bot's connection: the protocol's session rules (hello within 5 s, ping/pong, actions matched
 * to the step they answer by game, spot and seq) and the errors BAD_MESSAGE, STALE_ACTION,
 * AUTH_FAILED and UNSUPPORTED_PROTOCOL.
 */
public final class BotConnection {

  static final int MAX_FRAME = 64 * 1024;
  private static final CloseReason.CloseCode AUTH_FAILED = CloseReason.CloseCodes.getCloseCode(4001);
  private static final CloseReason.CloseCode PROTOCOL_ERROR = CloseReason.CloseCodes.getCloseCode(4002);

  private final Session session;
  private final BotLobby lobby;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private volatile String name;
  private volatile boolean closed;

  BotConnection(Session session, BotLobby lobby) {
    this.session = session;
    this.lobby = lobby;
  }

  /** The bot's name: what it said in {@code client}, or its session id. */
  public String name() {
    return name == null ? "bot" : name;
  }

  public boolean welcomed() {
    return name != null;
  }

  public boolean open() {
    return !closed && session.isOpen();
  }

  void onText(String text) {
    if (text.length() > MAX_FRAME) {
      send(Messages.error("BAD_MESSAGE", "frame over 64 KiB", null));
      return;
    }
    JsonNode message;
    try {
      // NaN and Infinity in an action reach the game, which answers INVALID_ACTION (as the server)
      message = Json.parseAllowingNonFinite(text);
    } catch (IllegalArgumentException e) {
      send(Messages.error("BAD_MESSAGE", "malformed JSON: " + e.getMessage(), null));
      return;
    }
    if (message == null || !message.isObject()) {
      send(Messages.error("BAD_MESSAGE", "a message must be a JSON object", null));
      return;
    }
    String type = message.path("type").asText("");
    if (!welcomed()) {
      hello(type, message);
      return;
    }
    switch (type) {
      case "ping" -> send(Json.object().put("type", "pong"));
      case "ready" -> lobby.readyAnswered(this, message.path("ready").asBoolean(false));
      case "action" -> action(message);
      case "hello" -> send(Messages.error("BAD_MESSAGE", "already welcomed", null));
      default -> send(Messages.error("BAD_MESSAGE", "unknown message type '" + type + "'", null));
    }
  }

  void onBinary() {
    send(Messages.error("BAD_MESSAGE", "binary frames are not part of the protocol", null));
  }

  private void hello(String type, JsonNode message) {
    if (!type.equals("hello")) {
      send(Messages.error("AUTH_FAILED", "send hello first", null));
      close(AUTH_FAILED, "no hello");
      return;
    }
    if (message.path("protocol").asInt(-1) != Messages.PROTOCOL) {
      send(Messages.error("UNSUPPORTED_PROTOCOL", "this runner speaks protocol 1, got "
          + message.get("protocol"), null));
      close(PROTOCOL_ERROR, "unsupported protocol");
      return;
    }
    String client = message.path("client").asText("");
    name = client.isBlank() ? "bot-" + session.getId().substring(0, 6) : client;
    send(Messages.welcome(UUID.randomUUID().toString(), name));
    lobby.welcomed(this);
  }

  private void action(JsonNode message) {
    JsonNode game = message.get("game");
    JsonNode spot = message.get("spot");
    JsonNode seq = message.get("seq");
    if (game == null || !game.isTextual() || spot == null || !spot.canConvertToInt()
        || seq == null || !seq.canConvertToInt() || !message.has("action")) {
      send(Messages.error("BAD_MESSAGE", "an action needs game, spot, seq and action", null));
      return;
    }
    CompletableFuture<JsonNode> waiting = pending.remove(key(game.asText(), spot.asInt(), seq.asInt()));
    if (waiting == null) {
      send(Messages.error("STALE_ACTION", "no step is waiting for game " + game.asText() + " spot "
          + spot.asInt() + " seq " + seq.asInt() + " (late, repeated or unknown)", game.asText()));
      return;
    }
    waiting.complete(message.get("action"));
  }

  /** Sends a step and returns the future its action will complete. */
  CompletableFuture<JsonNode> ask(String game, int spot, int seq, ObjectNode step) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    if (!open()) {
      answer.completeExceptionally(new ContestantGone(name() + " is disconnected"));
      return answer;
    }
    pending.put(key(game, spot, seq), answer);
    send(step);
    return answer;
  }

  /** Forgets a step whose deadline passed, so that its late action is STALE_ACTION. */
  void expire(String game, int spot, int seq) {
    pending.remove(key(game, spot, seq));
  }

  private static String key(String game, int spot, int seq) {
    return game + "/" + spot + "/" + seq;
  }

  /** Sends one message; the basic remote is not safe for concurrent senders. */
  void send(JsonNode message) {
    if (!open()) {
      return;
    }
    synchronized (session) {
      try {
        session.getBasicRemote().sendText(Json.write(message));
      } catch (IOException | IllegalStateException e) {
        closed();
      }
    }
  }

  void close(CloseReason.CloseCode code, String reason) {
    try {
      session.close(new CloseReason(code, reason));
    } catch (IOException e) {
      // already gone
    }
    closed();
  }

  /** Fails every step still waiting, once. */
  void closed() {
    if (closed) {
      return;
    }
    closed = true;
    pending.values().forEach(f -> f.completeExceptionally(new ContestantGone(name() + " disconnected")));
    pending.clear();
    lobby.gone(this);
  }
}

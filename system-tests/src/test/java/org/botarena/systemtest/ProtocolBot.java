package org.botarena.systemtest;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.botarena.games.Json;

/**
 * A bot speaking PROTOCOL.md over the JDK's WebSocket client, as a user's bot would: it answers
 * ready? and steps (with the given policy) and records every frame it receives.
 */
final class ProtocolBot implements WebSocket.Listener, AutoCloseable {

  final String name;
  final List<JsonNode> received = new CopyOnWriteArrayList<>();
  final LinkedBlockingQueue<JsonNode> inbox = new LinkedBlockingQueue<>();
  final AtomicInteger gamesEnded = new AtomicInteger();
  final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private final Function<JsonNode, JsonNode> policy;
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  ProtocolBot(String name, Function<JsonNode, JsonNode> policy) {
    this.name = name;
    this.policy = policy;
  }

  /** Connects and says hello with the token (null: no hello). */
  ProtocolBot connect(String url, String token) throws Exception {
    socket = HttpClient.newHttpClient().newWebSocketBuilder()
        .buildAsync(URI.create(url), this).get(10, TimeUnit.SECONDS);
    if (token != null) {
      send(Json.object().put("type", "hello").put("protocol", 1).put("token", token).put("client", "systest/1"));
    }
    return this;
  }

  synchronized void send(JsonNode frame) {
    sendText(Json.write(frame));
  }

  synchronized void sendText(String text) {
    socket.sendText(text, true).join();
  }

  JsonNode next(long seconds) throws InterruptedException {
    return inbox.poll(seconds, TimeUnit.SECONDS);
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      JsonNode frame = Json.parse(partial.toString());
      partial.setLength(0);
      received.add(frame);
      inbox.add(frame);
      react(frame);
    }
    ws.request(1);
    return null;
  }

  private void react(JsonNode frame) {
    switch (frame.path("type").asText()) {
      case "ready?" -> send(Json.object().put("type", "ready").put("id", frame.get("id").asLong()).put("ready", true));
      case "step" -> {
        JsonNode action = policy.apply(frame);
        if (action != null) {
          var reply = Json.object().put("type", "action").put("game", frame.get("game").asText())
              .put("spot", frame.get("spot").asInt()).put("seq", frame.get("seq").asLong());
          reply.set("action", action);
          send(reply);
        }
      }
      case "game_end" -> gamesEnded.incrementAndGet();
      default -> { }
    }
  }

  @Override
  public CompletionStage<?> onClose(WebSocket ws, int statusCode, String reason) {
    closed.complete(statusCode);
    return null;
  }

  @Override
  public void onError(WebSocket ws, Throwable error) {
    closed.complete(-1);
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket.sendClose(WebSocket.NORMAL_CLOSURE, "bye").orTimeout(5, TimeUnit.SECONDS).exceptionally(e -> null).join();
    }
  }
}

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
import java.util.function.Predicate;
import org.botarena.protocol.Json;

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

  /** The answer to {@code ready?}; null: no answer. */
  private volatile Boolean readyAnswer = true;

  private WebSocket socket;

  ProtocolBot(String name, Function<JsonNode, JsonNode> policy) {
    this.name = name;
    this.policy = policy;
  }

  /** How this bot answers {@code ready?} (null: it does not answer). */
  ProtocolBot answeringReady(Boolean answer) {
    this.readyAnswer = answer;
    return this;
  }

  /** Connects and says hello with the token (null: no hello). */
  ProtocolBot connect(String url, String token) throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), this)
            .get(10, TimeUnit.SECONDS);
    if (token != null) {
      send(
          Json.object()
              .put("type", "hello")
              .put("protocol", 1)
              .put("token", token)
              .put("client", "systest/1"));
    }
    return this;
  }

  /** Connects and says hello with the token and the training games it wants. */
  ProtocolBot connect(String url, String token, List<String> games) throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), this)
            .get(10, TimeUnit.SECONDS);
    var hello =
        Json.object()
            .put("type", "hello")
            .put("protocol", 1)
            .put("token", token)
            .put("client", "systest/1");
    games.forEach(hello.putArray("games")::add);
    send(hello);
    return this;
  }

  /** Connects with the token as {@code Authorization: Bearer} and a hello without one. */
  ProtocolBot connectWithBearer(String url, String token) throws Exception {
    socket =
        HttpClient.newHttpClient()
            .newWebSocketBuilder()
            .header("Authorization", "Bearer " + token)
            .buildAsync(URI.create(url), this)
            .get(10, TimeUnit.SECONDS);
    send(Json.object().put("type", "hello").put("protocol", 1));
    return this;
  }

  /** Connects, says hello and waits for the welcome; returns the bot's id. */
  long join(String url, String token) throws Exception {
    connect(url, token);
    return await("welcome", f -> f.path("type").asText().equals("welcome"), 20)
        .get("bot")
        .get("id")
        .asLong();
  }

  /** The first frame received so far or within {@code seconds} that matches. */
  JsonNode await(String what, Predicate<JsonNode> matches, int seconds)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    do {
      for (JsonNode frame : received) {
        if (matches.test(frame)) {
          return frame;
        }
      }
      Thread.sleep(20);
    } while (System.currentTimeMillis() < deadline);
    throw new AssertionError(
        name + " received no " + what + " in " + seconds + " s; it received " + received);
  }

  /** Waits until exactly {@code count} received frames match (more is a failure too). */
  void awaitCount(String what, Predicate<JsonNode> matches, int count, int seconds)
      throws InterruptedException {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (all(matches).size() < count && System.currentTimeMillis() < deadline) {
      Thread.sleep(20);
    }
    Thread.sleep(100); // one too many would arrive now
    if (all(matches).size() != count) {
      throw new AssertionError(
          name
              + ": "
              + all(matches).size()
              + " "
              + what
              + ", wanted "
              + count
              + "; received "
              + received);
    }
  }

  /** The frames received so far that match. */
  List<JsonNode> all(Predicate<JsonNode> matches) {
    return received.stream().filter(matches).toList();
  }

  static Predicate<JsonNode> type(String type) {
    return f -> f.path("type").asText().equals(type);
  }

  static Predicate<JsonNode> error(String code) {
    return f -> f.path("type").asText().equals("error") && f.path("code").asText().equals(code);
  }

  static Predicate<JsonNode> of(String type, java.util.UUID game) {
    return f ->
        f.path("type").asText().equals(type) && f.path("game").asText().equals(game.toString());
  }

  void sendBinary(byte[] bytes) {
    synchronized (this) {
      socket.sendBinary(java.nio.ByteBuffer.wrap(bytes), true).join();
    }
  }

  /** Answers a step frame with {@code action} (JSON text, sent as is). */
  void act(JsonNode step, String action) {
    sendText(
        "{\"type\":\"action\",\"game\":\""
            + step.get("game").asText()
            + "\",\"spot\":"
            + step.get("spot").asInt()
            + ",\"seq\":"
            + step.get("seq").asLong()
            + ",\"action\":"
            + action
            + "}");
  }

  synchronized void send(JsonNode frame) {
    sendText(Json.write(frame));
  }

  /**
   * Sends a text frame; once the server has closed the socket, frames go nowhere (as for a real
   * bot).
   */
  synchronized void sendText(String text) {
    if (socket.isOutputClosed() || closed.isDone()) {
      return;
    }
    try {
      socket.sendText(text, true).join();
    } catch (java.util.concurrent.CompletionException | IllegalStateException e) {
      try {
        closed.get(2, TimeUnit.SECONDS); // the server closed the socket under us
      } catch (Exception notClosed) {
        throw e;
      }
    }
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
      case "ready?" -> {
        if (readyAnswer != null) {
          send(
              Json.object()
                  .put("type", "ready")
                  .put("id", frame.get("id").asLong())
                  .put("ready", readyAnswer));
        }
      }
      case "step" -> {
        JsonNode action = policy.apply(frame);
        if (action != null) {
          var reply =
              Json.object()
                  .put("type", "action")
                  .put("game", frame.get("game").asText())
                  .put("spot", frame.get("spot").asInt())
                  .put("seq", frame.get("seq").asLong());
          reply.set("action", action);
          send(reply);
        }
      }
      case "game_end" -> gamesEnded.incrementAndGet();
      default -> {}
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

  /**
   * Cuts the connection as a network failure would: the TCP connection ends, with no close frame.
   */
  void cut() {
    socket.abort();
  }

  @Override
  public void close() {
    if (socket != null && !socket.isOutputClosed()) {
      socket
          .sendClose(WebSocket.NORMAL_CLOSURE, "bye")
          .orTimeout(5, TimeUnit.SECONDS)
          .exceptionally(e -> null)
          .join();
    }
  }
}

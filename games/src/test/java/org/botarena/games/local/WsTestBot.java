package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import org.botarena.protocol.Json;

/** A bot for tests on the JDK's WebSocket client: sends text, queues what the server says. */
final class WsTestBot implements WebSocket.Listener, AutoCloseable {

  private final BlockingQueue<JsonNode> received = new LinkedBlockingQueue<>();
  private final StringBuilder partial = new StringBuilder();
  private WebSocket socket;

  /** Connects, retrying while the runner's server is still starting. */
  static WsTestBot connect(int port) throws Exception {
    WsTestBot bot = new WsTestBot();
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
    while (true) {
      try {
        bot.socket =
            HttpClient.newHttpClient()
                .newWebSocketBuilder()
                .buildAsync(URI.create("ws://localhost:" + port + "/arena/ws/bot"), bot)
                .get();
        return bot;
      } catch (ExecutionException | CompletionException e) {
        if (System.nanoTime() > until) {
          throw e;
        }
        Thread.sleep(100);
      }
    }
  }

  void send(String text) {
    socket.sendText(text, true).join();
  }

  void send(ObjectNode message) {
    send(Json.write(message));
  }

  void hello() throws InterruptedException {
    hello("anything");
  }

  void hello(String token) throws InterruptedException {
    send(
        Json.object()
            .put("type", "hello")
            .put("protocol", 1)
            .put("token", token)
            .put("client", "test-bot-" + token));
    expect("welcome");
  }

  /** The next message, which must be of {@code type} (other types in between are skipped). */
  JsonNode expect(String type) throws InterruptedException {
    while (true) {
      JsonNode message = next();
      if (message.path("type").asText().equals(type)) {
        return message;
      }
    }
  }

  JsonNode next() throws InterruptedException {
    JsonNode message = received.poll(20, TimeUnit.SECONDS);
    if (message == null) {
      throw new AssertionError("the server said nothing for 20 s");
    }
    return message;
  }

  static ObjectNode action(JsonNode step, JsonNode action) {
    ObjectNode answer =
        Json.object()
            .put("type", "action")
            .put("game", step.get("game").asText())
            .put("spot", step.get("spot").asInt())
            .put("seq", step.get("seq").asInt());
    answer.set("action", action);
    return answer;
  }

  @Override
  public CompletionStage<?> onText(WebSocket webSocket, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      received.add(Json.parse(partial.toString()));
      partial.setLength(0);
    }
    webSocket.request(1);
    return null;
  }

  @Override
  public void close() {
    socket.abort();
  }
}

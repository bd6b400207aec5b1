package org.botarena.games.remote;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.BadFrame;
import org.botarena.protocol.CloseCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.FrameCodec;

/**
 * Plays a house bot over the real protocol: answers {@code ready?}, builds the named house bot of
 * each game that starts, answers every step with its action. Reconnects with backoff when the
 * connection drops; gives up when the token is refused.
 *
 * <p>{@code java -cp ... org.botarena.games.remote.HouseBotClient --url URL --token T --bot NAME}
 */
public final class HouseBotClient implements WebSocket.Listener {

  private final String bot;
  private final Map<String, HouseBot> games = new ConcurrentHashMap<>();
  private final StringBuilder partial = new StringBuilder();
  private final CompletableFuture<Integer> closed = new CompletableFuture<>();
  private WebSocket socket;

  private HouseBotClient(String bot) {
    this.bot = bot;
  }

  public static void main(String[] args) throws Exception {
    Map<String, String> options = new java.util.HashMap<>();
    for (int i = 0; i + 1 < args.length; i += 2) {
      options.put(args[i].replaceFirst("^--", ""), args[i + 1]);
    }
    String url = options.getOrDefault("url", "ws://localhost:8080/arena/ws/bot");
    String token = options.getOrDefault("token", System.getenv("ARENA_TOKEN"));
    String bot = options.getOrDefault("bot", "random");
    if (token == null) {
      System.err.println("usage: HouseBotClient --url URL --token TOKEN --bot NAME");
      System.exit(2);
    }
    long backoff = 500;
    while (true) {
      HouseBotClient client = new HouseBotClient(bot);
      int code;
      try {
        code = client.play(url, token);
        backoff = 500;
      } catch (Exception e) {
        System.err.println("connection failed: " + e.getMessage());
        code = -1;
      }
      if (!CloseCode.reconnectAfter(code)) {
        System.err.println("closed with " + code + "; not reconnecting");
        System.exit(1);
      }
      Thread.sleep(backoff + ThreadLocalRandom.current().nextLong(backoff / 2 + 1));
      backoff = Math.min(backoff * 2, 30_000);
    }
  }

  /** Plays until the connection closes; returns the close code. */
  private int play(String url, String token) throws Exception {
    socket =
        HttpClient.newBuilder()
            .connectTimeout(Duration.ofSeconds(10))
            .build()
            .newWebSocketBuilder()
            .buildAsync(URI.create(url), this)
            .get();
    send(new Frame.Hello(token, "arena-house/0.1"));
    return closed.get();
  }

  @Override
  public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
    partial.append(data);
    if (last) {
      String text = partial.toString();
      partial.setLength(0);
      try {
        handle(FrameCodec.fromServer(text));
      } catch (BadFrame | RuntimeException e) {
        System.err.println("could not handle " + text + ": " + e);
      }
    }
    ws.request(1);
    return null;
  }

  private void handle(Frame frame) {
    if (frame instanceof Frame.ReadyQuestion question) {
      send(new Frame.Ready(question.id(), true));
    } else if (frame instanceof Frame.GameStart start) {
      games.put(start.game(), houseBot(start));
    } else if (frame instanceof Frame.Step step) {
      HouseBot player = games.get(step.game());
      if (player != null) {
        send(step.answer(player.act(step.observation())));
      }
    } else if (frame instanceof Frame.GameEnd end) {
      games.remove(end.game());
      System.out.println("game " + end.game() + ": " + end.result() + " (" + end.reason() + ")");
    } else if (frame instanceof Frame.Error error) {
      System.err.println("error " + error.code() + ": " + error.message());
    }
  }

  /**
   * The named house bot of the starting game's type, or its random bot if it has none of that name.
   * It is configured with the game's own keys only: the step rules in the config are the
   * platform's.
   */
  private HouseBot houseBot(Frame.GameStart start) {
    GameType type = Games.type(start.gameType());
    HouseBot.Factory factory = type.houseBots().getOrDefault(bot, type.houseBots().get("random"));
    int spot = start.spots().get(0);
    return factory.create(type.config(start.gameConfig()), spot, start.game().hashCode());
  }

  private synchronized void send(Frame frame) {
    socket.sendText(frame.json(), true).join();
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
}

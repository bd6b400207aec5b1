package org.botarena.bench.echo;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.OnMessage;
import jakarta.websocket.server.ServerEndpoint;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.WebSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.TimeUnit;
import org.HdrHistogram.Recorder;
import org.botarena.protocol.Frame;
import org.botarena.protocol.Json;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.ServerContainerFactory;

/**
 * The floor under the platform's numbers ({@code ./arena bench echo}): a bare WebSocket echo server
 * (Tyrus, the reference implementation) and the same JDK client the load bots use, on this machine.
 * The platform's turnaround divided by this round trip is its overhead as a ratio.
 */
public final class EchoBench {

  /** Answers each text frame with itself. */
  @ServerEndpoint("/echo")
  public static class Echo {
    @OnMessage
    public String echo(String text) {
      return text;
    }
  }

  private EchoBench() {}

  public static void main(String[] args) throws Exception {
    int clients = args.length > 0 ? Integer.parseInt(args[0]) : 100;
    int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 20;
    int port = 28999;
    ServerContainer server = ServerContainerFactory.createServerContainer(Map.of());
    try {
      server.addEndpoint(Echo.class);
      server.start("/", port);
    } catch (DeploymentException e) {
      throw new IllegalStateException("cannot start the echo server on port " + port, e);
    }
    Recorder rtt = new Recorder(3);
    HttpClient http = HttpClient.newHttpClient();
    String frame =
        new Frame.Step(
                "0b9e7d3e-0000-4000-8000-000000000000", 0, 1, Json.array().add(0).add(0), 2000)
            .json();
    List<Pinger> pingers = new ArrayList<>();
    for (int i = 0; i < clients; i++) {
      Pinger p = new Pinger(frame, rtt);
      http.newWebSocketBuilder()
          .buildAsync(URI.create("ws://127.0.0.1:" + port + "/echo"), p)
          .get(10, TimeUnit.SECONDS);
      pingers.add(p);
    }
    pingers.forEach(Pinger::ping);
    Thread.sleep(3000); // warm-up
    rtt.reset();
    long start = System.nanoTime();
    Thread.sleep(seconds * 1000L);
    var h = rtt.getIntervalHistogram();
    double window = (System.nanoTime() - start) / 1e9;
    System.out.printf(
        "echo, %d clients, %.0f s: %.0f round trips/s; round trip ms p50 %.3f p95 %.3f p99 %.3f max"
            + " %.3f%n",
        clients,
        window,
        h.getTotalCount() / window,
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(95) / 1e3,
        h.getValueAtPercentile(99) / 1e3,
        h.getMaxValue() / 1e3);
    System.out.printf(
        "{\"clients\":%d,\"round_trips_per_second\":%.0f,\"rtt_ms\":{\"p50\":%.3f,\"p95\":%.3f,\"p99\":%.3f}}%n",
        clients,
        h.getTotalCount() / window,
        h.getValueAtPercentile(50) / 1e3,
        h.getValueAtPercentile(95) / 1e3,
        h.getValueAtPercentile(99) / 1e3);
    server.stop();
    System.exit(0);
  }

  /** One client: sends a frame, waits for its echo, records the round trip, sends the next. */
  private static final class Pinger implements WebSocket.Listener {
    private final String frame;
    private final Recorder rtt;
    private WebSocket socket;
    private long sentAt;

    /**
     * The JDK client refuses a send while the previous one is pending: each ping waits for the
     * last.
     */
    private CompletableFuture<WebSocket> sending = CompletableFuture.completedFuture(null);

    Pinger(String frame, Recorder rtt) {
      this.frame = frame;
      this.rtt = rtt;
    }

    @Override
    public void onOpen(WebSocket ws) {
      socket = ws;
      ws.request(1);
    }

    void ping() {
      sentAt = System.nanoTime();
      sending = socket.sendText(frame, true);
    }

    @Override
    public CompletionStage<?> onText(WebSocket ws, CharSequence data, boolean last) {
      if (last) {
        rtt.recordValue((System.nanoTime() - sentAt) / 1000);
        ws.request(1);
        sending.thenRun(this::ping);
      } else {
        ws.request(1);
      }
      return null;
    }
  }
}

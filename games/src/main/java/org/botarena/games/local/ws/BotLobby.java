package org.botarena.games.local.ws;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.concurrent.LinkedBlockingDeque;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.botarena.protocol.CloseCode;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.Limits;

/** The bots that said hello and are not playing yet, in the order they came. */
public final class BotLobby implements AutoCloseable {

  static final Duration HELLO_WITHIN = Duration.ofSeconds(Limits.HELLO_SECONDS);

  private final LinkedBlockingDeque<BotConnection> waiting = new LinkedBlockingDeque<>();
  private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
    Thread thread = new Thread(r, "lobby-timer");
    thread.setDaemon(true);
    return thread;
  });
  private final PrintStream log;

  public BotLobby(PrintStream log) {
    this.log = log;
  }

  void opened(BotConnection connection) {
    timer.schedule(() -> {
      if (!connection.welcomed() && connection.open()) {
        connection.send(new Frame.Error(ErrorCode.AUTH_FAILED, "no hello within " + Limits.HELLO_SECONDS + " s"));
        connection.close(CloseCode.AUTH_FAILED, "no hello");
      }
    }, HELLO_WITHIN.toMillis(), TimeUnit.MILLISECONDS);
  }

  void welcomed(BotConnection connection) {
    log.println("bot '" + connection.name() + "' connected");
    connection.send(new Frame.ReadyQuestion(1));
    waiting.add(connection);
  }

  void readyAnswered(BotConnection connection, boolean ready) {
    if (!ready) {
      log.println("bot '" + connection.name() + "' says it is not ready (the server would not "
          + "match it until it sends ready:true); the local runner plays it anyway");
    }
  }

  void gone(BotConnection connection) {
    waiting.remove(connection);
    if (connection.welcomed()) {
      log.println("bot '" + connection.name() + "' disconnected");
    }
  }

  /** The next connected bot, waiting up to {@code patience}; null if none came. */
  public BotConnection take(Duration patience) throws InterruptedException {
    long until = System.nanoTime() + patience.toNanos();
    while (true) {
      BotConnection next = waiting.poll(Math.max(0, until - System.nanoTime()), TimeUnit.NANOSECONDS);
      if (next == null || next.open()) {
        return next;
      }
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

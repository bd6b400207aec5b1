package org.botarena.games.local.ws;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.botarena.protocol.CloseCode;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.Limits;

/**
 * The bots that said hello and are not playing yet, in the order they came. A bot whose token names
 * a player ({@code p1}, {@code p2}) waits for that player; any other token takes the first player
 * free.
 */
public final class BotLobby implements AutoCloseable {

  static final Duration HELLO_WITHIN = Duration.ofSeconds(Limits.HELLO_SECONDS);

  private final List<BotConnection> waiting = new ArrayList<>();

  /** Every connection still open, so that the end of a series closes each one properly. */
  private final Set<BotConnection> open = ConcurrentHashMap.newKeySet();

  private final ScheduledExecutorService timer =
      Executors.newSingleThreadScheduledExecutor(
          r -> {
            Thread thread = new Thread(r, "lobby-timer");
            thread.setDaemon(true);
            return thread;
          });
  private final PrintStream log;

  /** The game served (a bot's hello may name the games it wants), or null: any. */
  private final String gameType;

  public BotLobby(PrintStream log) {
    this(log, null);
  }

  public BotLobby(PrintStream log, String gameType) {
    this.log = log;
    this.gameType = gameType;
  }

  /** The game served, or null when the lobby serves any (a replay's repeat). */
  String gameType() {
    return gameType;
  }

  void opened(BotConnection connection) {
    open.add(connection);
    timer.schedule(
        () -> {
          if (!connection.welcomed() && connection.open()) {
            connection.send(
                new Frame.Error(
                    ErrorCode.AUTH_FAILED, "no hello within " + Limits.HELLO_SECONDS + " s"));
            connection.close(CloseCode.AUTH_FAILED, "no hello");
          }
        },
        HELLO_WITHIN.toMillis(),
        TimeUnit.MILLISECONDS);
  }

  void welcomed(BotConnection connection) {
    log.println(
        "bot '"
            + connection.name()
            + "' connected"
            + (connection.claim() == null ? "" : " for player " + connection.claim()));
    connection.send(new Frame.ReadyQuestion(1));
    synchronized (waiting) {
      waiting.add(connection);
      waiting.notifyAll();
    }
  }

  void readyAnswered(BotConnection connection, boolean ready) {
    if (!ready) {
      log.println(
          "bot '"
              + connection.name()
              + "' says it is not ready (the server would not "
              + "match it until it sends ready:true); the local runner plays it anyway");
    }
  }

  void gone(BotConnection connection) {
    open.remove(connection);
    synchronized (waiting) {
      waiting.remove(connection);
    }
    if (connection.welcomed()) {
      log.println("bot '" + connection.name() + "' disconnected");
    }
  }

  /** The next connected bot, waiting up to {@code patience}; null if none came. */
  public BotConnection take(Duration patience) throws InterruptedException {
    return take(patience, null, Set.of());
  }

  /**
   * The next connected bot for player {@code player} (e.g. {@code p1}): the first that claimed it,
   * else the first that claimed none of {@code players}; waits up to {@code patience}, null if none
   * came.
   */
  public BotConnection take(Duration patience, String player, Set<String> players)
      throws InterruptedException {
    long until = System.nanoTime() + patience.toNanos();
    synchronized (waiting) {
      while (true) {
        waiting.removeIf(c -> !c.open());
        BotConnection next =
            waiting.stream()
                .filter(c -> player != null && player.equals(c.claim()))
                .findFirst()
                .or(
                    () ->
                        waiting.stream()
                            .filter(c -> c.claim() == null || !players.contains(c.claim()))
                            .findFirst())
                .orElse(null);
        if (next != null) {
          waiting.remove(next);
          return next;
        }
        long left = until - System.nanoTime();
        if (left <= 0) {
          return null;
        }
        TimeUnit.NANOSECONDS.timedWait(waiting, left);
      }
    }
  }

  /**
   * Closes every connection with a normal close (1000) before the server stops: its last frames
   * (the last game's game_end) reach the bot first. Stopped without it, a loaded machine lost a
   * game_end now and then (LocalWebSocketTest).
   */
  void closeAll(String reason) {
    for (BotConnection connection : List.copyOf(open)) {
      connection.closeNormally(reason);
    }
  }

  @Override
  public void close() {
    timer.shutdownNow();
  }
}

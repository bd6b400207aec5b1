package org.botarena.websocket;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.ArrayDeque;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.botarena.arena.bots.BotIdentity;
import org.botarena.protocol.CloseCode;
import org.botarena.protocol.Limits;

/**
 * One bot's socket and what the gateway knows about it. Frames go out in order through an outbox
 * with one asynchronous send at a time: a bot that reads slowly never blocks a runner's thread.
 */
final class BotConnection {

  /** A bot that lets this many frames pile up is not reading; it is cut off. */
  private static final int MAX_OUTBOX = 10_000;

  final Session socket;
  final UUID sessionId = UUID.randomUUID();

  /** PROTOCOL.md: more than 200 frames a second (answers to steps aside) is RATE_LIMITED. */
  final RateLimit rate = new RateLimit(Limits.MAX_FRAMES_PER_SECOND, 1000);

  /** Steps sent and not answered yet: an action answering one is not counted by {@link #rate}. */
  final OwedAnswers owed = new OwedAnswers();

  /** Bad frames tolerated in ten seconds; the next one closes the socket with 4002. */
  final RateLimit abuse = new RateLimit(10, 10_000);

  final AtomicLong readyQuestions = new AtomicLong();

  /** The games this bot plays, and the instance running each (where its actions go). */
  final Map<String, String> games = new ConcurrentHashMap<>();

  final String bearerToken;
  volatile BotIdentity bot;

  /** The training games the bot asked for in its hello; null: every training arena. */
  volatile java.util.List<String> wantedGames;

  /**
   * Set when the hello arrived: the hello timer leaves a connection alone whose hello is being
   * checked (a token lookup and a session's opening can take seconds under load).
   */
  volatile boolean helloReceived;

  /**
   * Set when a newer connection of the same bot took over: its games are not ended by this close.
   */
  volatile boolean replaced;

  private final ArrayDeque<String> outbox = new ArrayDeque<>();
  private boolean sending;
  private CloseReason closeWhenDrained;

  BotConnection(Session socket, String bearerToken) {
    this.socket = socket;
    this.bearerToken = bearerToken;
  }

  boolean authenticated() {
    return bot != null;
  }

  void send(String frame) {
    synchronized (this) {
      if (closeWhenDrained != null || !socket.isOpen()) {
        return;
      }
      if (sending) {
        if (outbox.size() >= MAX_OUTBOX) {
          closeNow(reason(CloseCode.PROTOCOL_ABUSE, "not reading its frames"));
          return;
        }
        outbox.add(frame);
        return;
      }
      sending = true;
    }
    write(frame);
  }

  /** Sends {@code frame} after everything queued, then closes. */
  void sendAndClose(String frame, CloseReason reason) {
    send(frame);
    synchronized (this) {
      closeWhenDrained = reason;
      if (!sending) {
        closeNow(reason);
      }
    }
  }

  private void write(String frame) {
    // Tyrus re-arms its idle timer for every frame sent, on the server's managed executor, and
    // Payara (6.2025.10) then looks up thread context providers with ServiceLoader over the
    // thread's
    // context class loader for that one task: over the application's and the server's jars, a
    // sixth of the instance's CPU at 50 bots (docs/benchmarks.md). With the platform's loader in
    // its place the lookup finds nothing at once; the timer's task needs no class of ours.
    Thread thread = Thread.currentThread();
    ClassLoader loader = thread.getContextClassLoader();
    boolean sent = false;
    thread.setContextClassLoader(ClassLoader.getPlatformClassLoader());
    try {
      socket.getAsyncRemote().sendText(frame, result -> next());
      sent = true;
    } catch (RuntimeException e) {
      // not sent: the next frame goes (below, with the thread's own loader back)
    } finally {
      thread.setContextClassLoader(loader);
    }
    if (!sent) {
      next();
    }
  }

  private void next() {
    String frame;
    CloseReason close = null;
    synchronized (this) {
      frame = outbox.poll();
      if (frame == null) {
        sending = false;
        close = closeWhenDrained;
      }
    }
    if (frame != null) {
      write(frame);
    } else if (close != null) {
      closeNow(close);
    }
  }

  /** A protocol close code as the WebSocket API's close reason. */
  static CloseReason reason(CloseCode code, String text) {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), text);
  }

  void closeNow(CloseReason reason) {
    try {
      if (socket.isOpen()) {
        socket.close(reason);
      }
    } catch (IOException | RuntimeException ignored) {
      // already gone
    }
  }
}

package org.botarena.websocket;

import jakarta.websocket.CloseReason;
import java.util.Collection;

/**
 * The container's idle timeout, kept by one sweep every few seconds over the connections: Tyrus
 * keeps it by cancelling and re-arming a timer on the server's managed executor for every frame in
 * and out, and each new task there captures the caller's context (a profile at 50 instant bots: a
 * sixth of the instance's CPU). A connection with no frame either way for its limit is closed as
 * Tyrus would close it.
 */
final class IdleSweep {

  static final int EVERY_SECONDS = 5;

  private IdleSweep() {}

  /** Closes the connections idle past their limit at {@code now}; returns how many. */
  static int closeIdle(Collection<BotConnection> connections, long now) {
    int closed = 0;
    for (BotConnection c : connections) {
      if (idle(c.idleLimitMs, c.lastFrameAt, now)) {
        c.closeNow(
            new CloseReason(
                CloseReason.CloseCodes.NORMAL_CLOSURE,
                "no frame for " + c.idleLimitMs / 1000 + " s (idle timeout)"));
        closed++;
      }
    }
    return closed;
  }

  /** Whether a connection with this limit (0: none) and last frame is idle past it. */
  static boolean idle(long limitMs, long lastFrameAt, long now) {
    return limitMs > 0 && now - lastFrameAt > limitMs;
  }
}

package org.botarena.websocket;

/**
 * At most {@code max} events in each window of {@code windowMillis} (fixed windows: cheap, and
 * enough to tell a flood or a stream of bad frames from a bot's occasional mistake).
 */
final class RateLimit {

  private final int max;
  private final long windowMillis;
  private long window = Long.MIN_VALUE;
  private int count;

  RateLimit(int max, long windowMillis) {
    this.max = max;
    this.windowMillis = windowMillis;
  }

  /** Counts an event; false if it goes over the limit of its window. */
  synchronized boolean allow(long nowMillis) {
    long current = nowMillis / windowMillis;
    if (current != window) {
      window = current;
      count = 0;
    }
    return ++count <= max;
  }
}

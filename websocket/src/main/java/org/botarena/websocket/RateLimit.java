package org.botarena.websocket;

/**
 * At most {@code max} events in any {@code windowMillis} (a sliding log of the last {@code max}
 * allowed events): a burst is caught however it falls on the clock, unlike fixed windows, which let
 * up to twice the limit through across a window's edge.
 */
final class RateLimit {

  private final long windowMillis;

  /** When the last {@code max} allowed events happened, oldest at {@code next}; 0: none yet. */
  private final long[] allowedAt;

  private int next;

  RateLimit(int max, long windowMillis) {
    this.windowMillis = windowMillis;
    this.allowedAt = new long[max];
  }

  /**
   * Counts an event; false if {@code max} events were already allowed within the window before it.
   */
  synchronized boolean allow(long nowMillis) {
    long oldest = allowedAt[next];
    if (oldest != 0 && nowMillis - oldest < windowMillis) {
      return false;
    }
    allowedAt[next] = nowMillis;
    next = (next + 1) % allowedAt.length;
    return true;
  }
}

package org.botarena.websocket;

/** At most {@code perSecond} frames in each wall-clock second (a fixed window: cheap and enough). */
final class RateLimit {

  private final int perSecond;
  private long window;
  private int count;

  RateLimit(int perSecond) {
    this.perSecond = perSecond;
  }

  /** Counts a frame; false if it goes over the limit. */
  synchronized boolean allow(long nowMillis) {
    long second = nowMillis / 1000;
    if (second != window) {
      window = second;
      count = 0;
    }
    return ++count <= perSecond;
  }
}

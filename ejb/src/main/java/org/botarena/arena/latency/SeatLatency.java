package org.botarena.arena.latency;

/**
 * One seat's step times in one match, as its runner measured them: the time from a step's frame
 * sent to its action accepted, per step, in a {@link StepHistogram}; a missed step counts as the
 * deadline (its true time is at least that) and as a timeout. Of bounded size whatever the game's
 * length. Not thread-safe: the running game's lock guards it.
 */
public final class SeatLatency {

  private final int deadlineMs;
  private final StepHistogram times;
  private int timeouts;

  /** A seat's summary before its first step, under a step deadline of {@code deadlineMs}. */
  public SeatLatency(int deadlineMs) {
    this(deadlineMs, new StepHistogram(), 0);
  }

  /** A stored summary. */
  public SeatLatency(int deadlineMs, StepHistogram times, int timeouts) {
    if (deadlineMs <= 0 || timeouts < 0) {
      throw new IllegalArgumentException(
          "a deadline above 0 and no negative timeouts: " + deadlineMs + ", " + timeouts);
    }
    this.deadlineMs = deadlineMs;
    this.times = times;
    this.timeouts = timeouts;
  }

  /** A step answered {@code nanos} after it was sent. */
  public void answered(long nanos) {
    times.add(nanos / 1_000);
  }

  /** A step whose deadline passed without an answer. */
  public void timedOut() {
    times.add(deadlineMs * 1_000L);
    timeouts++;
  }

  public int deadlineMs() {
    return deadlineMs;
  }

  public StepHistogram times() {
    return times;
  }

  public int timeouts() {
    return timeouts;
  }

  /** Steps counted: answered and missed. */
  public long steps() {
    return times.count();
  }
}

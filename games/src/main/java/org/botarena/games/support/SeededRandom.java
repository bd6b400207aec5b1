package org.botarena.games.support;

/**
 * SplitMix64: a small, fast generator whose whole state is one {@code long}, so a game can save it
 * in {@link org.botarena.games.spi.Game#state()} and continue exactly where it stopped ({@link
 * java.util.SplittableRandom} cannot expose its state).
 */
public final class SeededRandom {

  private static final long GOLDEN_GAMMA = 0x9E3779B97F4A7C15L;

  private long state;

  public SeededRandom(long state) {
    this.state = state;
  }

  /** The state to save; {@code new SeededRandom(state())} continues the same sequence. */
  public long state() {
    return state;
  }

  public long nextLong() {
    state += GOLDEN_GAMMA;
    long z = state;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }

  /** Uniform in [0, 1). */
  public double nextDouble() {
    return (nextLong() >>> 11) * 0x1.0p-53;
  }

  /** Uniform in [low, high). */
  public double uniform(double low, double high) {
    return low + (high - low) * nextDouble();
  }

  /** Uniform in 0..bound-1 (the modulo bias is below 2^-30 for the small bounds games use). */
  public int nextInt(int bound) {
    if (bound <= 0) {
      throw new IllegalArgumentException("bound must be positive, got " + bound);
    }
    return (int) Long.remainderUnsigned(nextLong(), bound);
  }

  public boolean nextBoolean() {
    return nextLong() < 0;
  }
}

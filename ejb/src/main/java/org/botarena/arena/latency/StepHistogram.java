package org.botarena.arena.latency;

import java.util.Arrays;

/**
 * Step answer times in a fixed set of log-linear buckets, in microseconds: below 32 µs one bucket
 * per microsecond, above, 16 buckets per power of two (each at most 1/16 = 6.25% of its lower bound
 * wide), up to {@link #MAX_MICROS} (longer times fall into the last bucket). So it has at most
 * {@link #BUCKETS} buckets whatever the game's length, and histograms of several games merge by
 * adding counts. A percentile is the largest time of the bucket it falls into: never below the true
 * value, at most 6.25% above it.
 */
public final class StepHistogram {

  /** Exact buckets below this; 16 per power of two from here on. */
  private static final int EXACT = 32;

  private static final int SUB_BUCKETS = 16;

  /** The highest power of two covered: 2^28 µs is about 268 s, past any step deadline. */
  private static final int TOP_EXPONENT = 27;

  /** Times above are counted in the last bucket. */
  public static final long MAX_MICROS = (1L << (TOP_EXPONENT + 1)) - 1;

  public static final int BUCKETS = EXACT + (TOP_EXPONENT - 4) * SUB_BUCKETS;

  private final long[] counts = new long[BUCKETS];
  private long total;

  /** Counts one step that took {@code micros} (negative: 0). */
  public void add(long micros) {
    add(bucketOf(micros), 1);
  }

  /** Adds {@code count} steps to bucket {@code bucket}. */
  void add(int bucket, long count) {
    if (bucket < 0 || bucket >= BUCKETS || count < 0) {
      throw new IllegalArgumentException("no bucket " + bucket + " with count " + count);
    }
    counts[bucket] += count;
    total += count;
  }

  /** Adds another histogram's steps to this one. */
  public void merge(StepHistogram other) {
    for (int i = 0; i < BUCKETS; i++) {
      counts[i] += other.counts[i];
    }
    total += other.total;
  }

  /** Steps counted. */
  public long count() {
    return total;
  }

  /**
   * The {@code percent}-th percentile (0 &lt; percent &lt;= 100) in microseconds, by the nearest
   * rank: the largest time of the bucket holding the step of rank ceil(percent/100 * count). 0 when
   * nothing was counted.
   */
  public long percentile(double percent) {
    if (!(percent > 0 && percent <= 100)) {
      throw new IllegalArgumentException("a percentile is above 0 and at most 100: " + percent);
    }
    if (total == 0) {
      return 0;
    }
    long rank = Math.max(1, (long) Math.ceil(percent / 100 * total));
    long seen = 0;
    for (int i = 0; i < BUCKETS; i++) {
      seen += counts[i];
      if (seen >= rank) {
        return highestOf(i);
      }
    }
    return highestOf(BUCKETS - 1);
  }

  /** The bucket of a time in microseconds. */
  static int bucketOf(long micros) {
    long v = Math.min(Math.max(0, micros), MAX_MICROS);
    if (v < EXACT) {
      return (int) v;
    }
    int exponent = 63 - Long.numberOfLeadingZeros(v); // 5 .. TOP_EXPONENT
    int shift = exponent - 4;
    int sub = (int) (v >> shift) - SUB_BUCKETS; // 0 .. 15
    return EXACT + (exponent - 5) * SUB_BUCKETS + sub;
  }

  /** The smallest time of a bucket. */
  static long lowestOf(int bucket) {
    if (bucket < EXACT) {
      return bucket;
    }
    int exponent = 5 + (bucket - EXACT) / SUB_BUCKETS;
    int sub = (bucket - EXACT) % SUB_BUCKETS;
    return (long) (SUB_BUCKETS + sub) << (exponent - 4);
  }

  /** The largest time of a bucket. */
  static long highestOf(int bucket) {
    return bucket == BUCKETS - 1 ? MAX_MICROS : lowestOf(bucket + 1) - 1;
  }

  /**
   * The counts as text, for the database: {@code bucket:count} of each bucket in use, comma
   * separated ("40:12,57:3"); at most {@link #BUCKETS} pairs.
   */
  public String encode() {
    StringBuilder text = new StringBuilder();
    for (int i = 0; i < BUCKETS; i++) {
      if (counts[i] > 0) {
        if (!text.isEmpty()) {
          text.append(',');
        }
        text.append(i).append(':').append(counts[i]);
      }
    }
    return text.toString();
  }

  /** The histogram {@link #encode} wrote; a malformed text is refused. */
  public static StepHistogram decode(String text) {
    StepHistogram h = new StepHistogram();
    if (text == null || text.isBlank()) {
      return h;
    }
    for (String pair : text.split(",")) {
      int colon = pair.indexOf(':');
      try {
        h.add(
            Integer.parseInt(pair.substring(0, colon).trim()),
            Long.parseLong(pair.substring(colon + 1).trim()));
      } catch (RuntimeException e) {
        throw new IllegalArgumentException("not a step histogram: " + pair, e);
      }
    }
    return h;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof StepHistogram h && Arrays.equals(counts, h.counts);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(counts);
  }

  @Override
  public String toString() {
    return encode();
  }
}

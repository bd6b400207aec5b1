package org.botarena.arena.latency;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class StepHistogramTest {

  @Test
  void theBucketsCoverEveryTimeOnceAndAreAtMostASixteenthWide() {
    assertEquals(0, StepHistogram.lowestOf(0));
    for (int i = 0; i < StepHistogram.BUCKETS; i++) {
      long low = StepHistogram.lowestOf(i);
      long high = StepHistogram.highestOf(i);
      assertEquals(i, StepHistogram.bucketOf(low), "bucket " + i);
      assertEquals(i, StepHistogram.bucketOf(high), "bucket " + i);
      if (i + 1 < StepHistogram.BUCKETS) {
        assertEquals(high + 1, StepHistogram.lowestOf(i + 1), "no gap after bucket " + i);
      }
      if (low >= 32) {
        assertTrue((high - low + 1) * 16 <= low, "bucket " + i + ": " + low + ".." + high);
      }
    }
    assertEquals(StepHistogram.MAX_MICROS, StepHistogram.highestOf(StepHistogram.BUCKETS - 1));
  }

  @Test
  void aPercentileIsNeverBelowTheTrueOneAndAtMostOneSixteenthAbove() {
    StepHistogram h = new StepHistogram();
    for (int ms = 1; ms <= 100; ms++) {
      h.add(ms * 1000L);
    }
    for (int p : new int[] {1, 50, 95, 99, 100}) {
      long exact = p * 1000L; // rank p of 1..100 ms
      long got = h.percentile(p);
      assertTrue(got >= exact && got <= exact + exact / 16, "p" + p + ": " + got);
    }
    assertEquals(100, h.count());
  }

  @Test
  void fewTimesGiveTheExactBucketsBelow32Microseconds() {
    StepHistogram h = new StepHistogram();
    h.add(3);
    h.add(7);
    h.add(-5); // a clock step back counts as 0
    assertEquals(0, h.percentile(33));
    assertEquals(3, h.percentile(50));
    assertEquals(7, h.percentile(100));
    assertEquals(0, new StepHistogram().percentile(99), "nothing counted");
    assertThrows(IllegalArgumentException.class, () -> h.percentile(0));
    assertThrows(IllegalArgumentException.class, () -> h.percentile(100.5));
  }

  @Test
  void mergedHistogramsAreTheHistogramOfAllTheirTimes() {
    SplittableRandom random = new SplittableRandom(7);
    StepHistogram a = new StepHistogram();
    StepHistogram b = new StepHistogram();
    StepHistogram all = new StepHistogram();
    for (int i = 0; i < 5000; i++) {
      long t = random.nextLong(1, 3_000_000);
      (i % 3 == 0 ? a : b).add(t);
      all.add(t);
    }
    a.merge(b);
    assertEquals(all, a);
    assertEquals(5000, a.count());
    assertEquals(all.percentile(99), a.percentile(99));
  }

  @Test
  void itsSizeIsBoundedWhateverTheTimesAndItsTextRoundTrips() {
    SplittableRandom random = new SplittableRandom(11);
    StepHistogram h = new StepHistogram();
    for (int i = 0; i < 200_000; i++) {
      h.add(random.nextLong(0, Long.MAX_VALUE >> random.nextInt(1, 60)));
    }
    h.add(Long.MAX_VALUE); // past the top: the last bucket
    assertEquals(StepHistogram.MAX_MICROS, h.percentile(100));
    String text = h.encode();
    assertTrue(text.split(",").length <= StepHistogram.BUCKETS, text);
    assertEquals(h, StepHistogram.decode(text));
    assertEquals(200_001, StepHistogram.decode(text).count());
    assertEquals(0, StepHistogram.decode("").count());
  }

  @Test
  void aMalformedTextIsRefused() {
    for (String bad : new String[] {"x", "3", "3:", "400:1", "-1:2", "2:-1", "1:2,,3:4"}) {
      assertThrows(IllegalArgumentException.class, () -> StepHistogram.decode(bad), bad);
    }
  }

  @Test
  void aSeatsMissedStepCountsAsItsDeadlineAndATimeout() {
    SeatLatency seat = new SeatLatency(200);
    seat.answered(5_000_000); // 5 ms
    seat.timedOut();
    assertEquals(2, seat.steps());
    assertEquals(1, seat.timeouts());
    long p100 = seat.times().percentile(100);
    assertTrue(p100 >= 200_000 && p100 <= 200_000 + 200_000 / 16, "the deadline: " + p100);
    assertThrows(IllegalArgumentException.class, () -> new SeatLatency(0));
  }
}

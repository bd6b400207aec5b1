package org.botarena.arena.tournaments;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Splits a level's bots into groups, and a group into the pairs it plays. */
public final class GroupDraw {

  private GroupDraw() {}

  /**
   * The groups of one level: everyone in one group for {@link Format#EXHAUSTIVE}; for {@link
   * Format#RANDOM_DRAW} a seeded shuffle dealt into ceil(n / size) groups whose sizes differ by at
   * most one (12 bots in groups of 5 make 4, 4, 4, never 5, 5, 2).
   */
  public static List<List<Long>> groups(List<Long> bots, Format format, int size, long seed) {
    if (format == Format.EXHAUSTIVE || bots.size() <= size) {
      return List.of(List.copyOf(bots));
    }
    List<Long> shuffled = new ArrayList<>(bots);
    SplittableRandom random = new SplittableRandom(seed);
    for (int i = shuffled.size() - 1; i > 0; i--) {
      int j = random.nextInt(i + 1);
      Long swap = shuffled.get(i);
      shuffled.set(i, shuffled.get(j));
      shuffled.set(j, swap);
    }
    int count = (shuffled.size() + size - 1) / size;
    List<List<Long>> groups = new ArrayList<>();
    for (int g = 0; g < count; g++) {
      groups.add(new ArrayList<>());
    }
    for (int i = 0; i < shuffled.size(); i++) {
      groups.get(i % count).add(shuffled.get(i));
    }
    return groups;
  }

  /** Every pair of a group, each once. */
  public static List<long[]> pairs(List<Long> group) {
    List<long[]> pairs = new ArrayList<>();
    for (int i = 0; i < group.size(); i++) {
      for (int j = i + 1; j < group.size(); j++) {
        pairs.add(new long[] {group.get(i), group.get(j)});
      }
    }
    return pairs;
  }

  /** Matches a round takes: exhaustive n(n-1)/2; random draw, the groups of every level. */
  public static int matchesPerRound(int bots, Format format, int size) {
    int total = 0;
    int players = bots;
    while (players > 1) {
      if (format == Format.EXHAUSTIVE || players <= size) {
        return total + players * (players - 1) / 2;
      }
      int count = (players + size - 1) / size;
      for (int g = 0; g < count; g++) {
        int members = players / count + (g < players % count ? 1 : 0);
        total += members * (members - 1) / 2;
      }
      players = count;
    }
    return total;
  }
}

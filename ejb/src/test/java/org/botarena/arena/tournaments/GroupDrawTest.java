package org.botarena.arena.tournaments;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;

class GroupDrawTest {

  private static List<Long> bots(int n) {
    return LongStream.rangeClosed(1, n).boxed().toList();
  }

  @Test
  void aRandomDrawDealsBalancedGroupsOfEveryBotOnce() {
    List<List<Long>> groups = GroupDraw.groups(bots(12), Format.RANDOM_DRAW, 5, 42);
    assertEquals(List.of(4, 4, 4), groups.stream().map(List::size).toList());
    Set<Long> seen = new HashSet<>();
    groups.forEach(seen::addAll);
    assertEquals(Set.copyOf(bots(12)), seen);
    assertEquals(
        groups,
        GroupDraw.groups(bots(12), Format.RANDOM_DRAW, 5, 42),
        "reproducible from the seed");
  }

  @Test
  void exhaustiveIsOneGroupAndSoIsASmallRandomDraw() {
    assertEquals(1, GroupDraw.groups(bots(12), Format.EXHAUSTIVE, 5, 1).size());
    assertEquals(1, GroupDraw.groups(bots(5), Format.RANDOM_DRAW, 5, 1).size());
  }

  @Test
  void everyPairOfAGroupPlaysOnce() {
    assertEquals(6, GroupDraw.pairs(bots(4)).size());
    assertEquals(0, GroupDraw.pairs(bots(1)).size());
  }

  @Test
  void matchCountsOfARound() {
    assertEquals(190, GroupDraw.matchesPerRound(20, Format.EXHAUSTIVE, 5), "the 20-bot warning");
    // 100 bots in groups of 5: 20 groups (200) + 4 groups of 5 (40) + one group of 4 (6)
    assertEquals(246, GroupDraw.matchesPerRound(100, Format.RANDOM_DRAW, 5));
    // 12 in groups of 4: 3 groups (18) + one group of 3 (3)
    assertEquals(21, GroupDraw.matchesPerRound(12, Format.RANDOM_DRAW, 4));
  }

  @Test
  void formatsAreReadFromText() {
    assertEquals(Format.RANDOM_DRAW, Format.of("random-draw"));
    assertThrows(IllegalArgumentException.class, () -> Format.of("swiss"));
  }
}

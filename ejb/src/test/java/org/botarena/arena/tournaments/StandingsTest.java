package org.botarena.arena.tournaments;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import org.botarena.arena.tournaments.Standings.Result;
import org.junit.jupiter.api.Test;

class StandingsTest {

  @Test
  void pointsFirstWithDrawsWorthHalf() {
    List<Standings.Line> table =
        Standings.of(
            List.of(1L, 2L, 3L),
            List.of(new Result(1, 2, 2L), new Result(1, 3, null), new Result(2, 3, 2L)),
            7);
    assertEquals(List.of(2L, 1L, 3L), table.stream().map(Standings.Line::bot).toList());
    assertEquals(new Standings.Line(2, 2, 2, 0, 0), table.get(0));
    assertEquals(0.5, table.get(1).points());
  }

  @Test
  void aTieIsBrokenByTheGamesBetweenTheTiedBots() {
    // 5 and 6 on 2 points, 6 beat 5; 7 and 8 on 1 point, 8 beat 7
    List<Result> results =
        List.of(
            new Result(5, 6, 6L),
            new Result(5, 7, 5L),
            new Result(5, 8, 5L),
            new Result(6, 7, 7L),
            new Result(6, 8, 6L),
            new Result(7, 8, 8L));
    assertEquals(List.of(6L, 5L, 8L, 7L), bots(Standings.of(List.of(5L, 6L, 7L, 8L), results, 1)));
  }

  @Test
  void aPerfectCycleIsDecidedByTheSeededCoinTheSameWayEveryTime() {
    // 1 beats 3, 2 beats 1, 3 beats 2: equal points, equal head-to-head, equal wins
    List<Result> results =
        List.of(
            new Result(1, 2, 2L),
            new Result(2, 3, 3L),
            new Result(3, 1, 1L),
            new Result(1, 4, 1L),
            new Result(2, 4, 2L),
            new Result(3, 4, 3L));
    List<Long> order = bots(Standings.of(List.of(1L, 2L, 3L, 4L), results, 99));
    assertEquals(4L, order.get(3));
    assertEquals(
        order,
        bots(Standings.of(List.of(4L, 3L, 2L, 1L), results, 99)),
        "whatever the input order");
  }

  private static List<Long> bots(List<Standings.Line> table) {
    return table.stream().map(Standings.Line::bot).toList();
  }
}

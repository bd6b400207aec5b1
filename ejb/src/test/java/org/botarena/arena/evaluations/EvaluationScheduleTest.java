package org.botarena.arena.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

class EvaluationScheduleTest {

  @Test
  void opponentsTakeTurnsAndTheBotAlternatesSidesEachRound() {
    // three opponents: games 0-2 are round 0 (spot 0), games 3-5 round 1 (spot 1), ...
    EvaluationSchedule.Game g4 = EvaluationSchedule.game(7, 4, 3);
    assertEquals(1, g4.opponent());
    assertEquals(1, g4.round());
    assertEquals(1, g4.botSpot());
    EvaluationSchedule.Game g6 = EvaluationSchedule.game(7, 6, 3);
    assertEquals(0, g6.opponent());
    assertEquals(2, g6.round());
    assertEquals(0, g6.botSpot());
  }

  @Test
  void aRoundHasOneSeedForEveryOpponentAndTheSeedsAreReproducible() {
    assertEquals(EvaluationSchedule.game(7, 3, 3).seed(), EvaluationSchedule.game(7, 5, 3).seed());
    assertEquals(EvaluationSchedule.seed(7, 1), EvaluationSchedule.game(7, 4, 3).seed());
    Set<Long> seeds = new HashSet<>();
    for (long evaluation = 1; evaluation <= 50; evaluation++) {
      for (int round = 0; round < 200; round++) {
        seeds.add(EvaluationSchedule.seed(evaluation, round));
      }
    }
    assertEquals(50 * 200, seeds.size(), "no two games of the first 50 evaluations share a seed");
    assertNotEquals(EvaluationSchedule.seed(1, 2), EvaluationSchedule.seed(2, 1));
  }

  @Test
  void aGameOfNoSuiteIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> EvaluationSchedule.game(1, 0, 0));
    assertThrows(IllegalArgumentException.class, () -> EvaluationSchedule.game(1, -1, 2));
  }
}

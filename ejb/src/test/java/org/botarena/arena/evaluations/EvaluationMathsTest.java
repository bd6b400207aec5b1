package org.botarena.arena.evaluations;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.botarena.arena.evaluations.EvaluationMaths.Interval;
import org.botarena.arena.evaluations.EvaluationMaths.Tally;
import org.junit.jupiter.api.Test;

class EvaluationMathsTest {

  private static final double EPS = 1e-9;

  @Test
  void wilsonIntervalsHaveTheirKnownValues() {
    // (p + z²/2n ± z sqrt(p(1-p)/n + z²/4n²)) / (1 + z²/n), z = 1.959964
    Interval half = EvaluationMaths.wilson(5, 10);
    assertEquals(0.236593090512564, half.low(), EPS);
    assertEquals(0.763406909487436, half.high(), EPS);
    Interval none = EvaluationMaths.wilson(0, 10);
    assertEquals(0, none.low(), EPS);
    assertEquals(0.277532799862889, none.high(), EPS);
    Interval all = EvaluationMaths.wilson(10, 10);
    assertEquals(0.722467200137111, all.low(), EPS);
    assertEquals(1, all.high(), EPS);
    Interval one = EvaluationMaths.wilson(1, 1);
    assertEquals(0.206549314377237, one.low(), EPS);
    assertEquals(1, one.high(), EPS);
  }

  @Test
  void noGamesHaveNoIntervalAndImpossibleCountsAreRefused() {
    assertNull(EvaluationMaths.wilson(0, 0));
    assertThrows(IllegalArgumentException.class, () -> EvaluationMaths.wilson(3, 2));
    assertThrows(IllegalArgumentException.class, () -> EvaluationMaths.wilson(-1, 2));
    assertThrows(IllegalArgumentException.class, () -> new Tally(1, -1, 0));
  }

  @Test
  void theProbabilityOfBeatingThePreviousNameHasItsKnownValues() {
    // one opponent, Beta(7, 5) against Beta(5, 7): means 7/12 and 5/12, variances 35/1872 each
    assertEquals(
        0.805626416104657,
        EvaluationMaths.probabilityBetter(List.of(new Tally(6, 0, 4)), List.of(new Tally(4, 0, 6))),
        EPS);
    // two opponents; a draw counts half to each side of the Beta
    assertEquals(
        0.734882038246539,
        EvaluationMaths.probabilityBetter(
            List.of(new Tally(6, 2, 2), new Tally(3, 0, 7)),
            List.of(new Tally(5, 0, 5), new Tally(2, 2, 6))),
        EPS);
  }

  @Test
  void equalRunsAreEvenAndTheOrderOfTheRunsMirrorsTheProbability() {
    List<Tally> a = List.of(new Tally(3, 1, 6), new Tally(9, 0, 1));
    List<Tally> b = List.of(new Tally(5, 0, 5), new Tally(8, 1, 1));
    assertEquals(0.5, EvaluationMaths.probabilityBetter(a, a), EPS);
    double ab = EvaluationMaths.probabilityBetter(a, b);
    assertEquals(1, ab + EvaluationMaths.probabilityBetter(b, a), EPS);
    assertTrue(ab < 0.5, "fewer points against the first opponent: " + ab);
  }

  @Test
  void runsOnDifferentSuitesAreNotCompared() {
    assertThrows(
        IllegalArgumentException.class,
        () ->
            EvaluationMaths.probabilityBetter(
                List.of(new Tally(1, 0, 0)), List.of(new Tally(1, 0, 0), new Tally(0, 0, 1))));
    assertThrows(
        IllegalArgumentException.class,
        () -> EvaluationMaths.probabilityBetter(List.of(), List.of()));
  }
}

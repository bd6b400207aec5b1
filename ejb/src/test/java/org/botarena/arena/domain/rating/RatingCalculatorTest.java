package org.botarena.arena.domain.rating;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingCalculatorTest {

  private final RatingCalculator calculator = new RatingCalculator();

  @Test
  void theWinnerGainsWhatTheLoserLosesAndBothGetSurer() {
    Map<Long, RatingCalculator.Updated> updated = calculator.rate(List.of(
        new RatingCalculator.Standing(1, Rating.INITIAL_MU, Rating.INITIAL_SIGMA, 1),
        new RatingCalculator.Standing(2, Rating.INITIAL_MU, Rating.INITIAL_SIGMA, 2)));
    double gain = updated.get(1L).mu() - Rating.INITIAL_MU;
    double loss = Rating.INITIAL_MU - updated.get(2L).mu();
    assertTrue(gain > 0, "winner gains");
    assertEquals(gain, loss, 1e-9, "symmetric for equal ratings");
    assertTrue(updated.get(1L).sigma() < Rating.INITIAL_SIGMA);
  }

  @Test
  void aDrawBetweenEqualsLeavesMuAlone() {
    Map<Long, RatingCalculator.Updated> updated = calculator.rate(List.of(
        new RatingCalculator.Standing(1, 25, 8, 1), new RatingCalculator.Standing(2, 25, 8, 1)));
    assertEquals(25, updated.get(1L).mu(), 1e-9);
    assertEquals(25, updated.get(2L).mu(), 1e-9);
  }

  @Test
  void drawProbabilityFallsWithTheGap() {
    double close = calculator.drawProbability(25, 2, 26, 2);
    double far = calculator.drawProbability(25, 2, 40, 2);
    assertTrue(close > far, close + " > " + far);
  }
}

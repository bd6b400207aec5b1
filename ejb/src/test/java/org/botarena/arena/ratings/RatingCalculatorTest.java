package org.botarena.arena.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class RatingCalculatorTest {

  private final RatingCalculator calculator = new RatingCalculator();

  @Test
  void theWinnerGainsWhatTheLoserLosesAndBothGetSurer() {
    Map<Long, RatingCalculator.Updated> updated =
        calculator.rate(
            List.of(
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
    Map<Long, RatingCalculator.Updated> updated =
        calculator.rate(
            List.of(
                new RatingCalculator.Standing(1, 25, 8, 1),
                new RatingCalculator.Standing(2, 25, 8, 1)));
    assertEquals(25, updated.get(1L).mu(), 1e-9);
    assertEquals(25, updated.get(2L).mu(), 1e-9);
  }

  @Test
  void drawProbabilityFallsWithTheGap() {
    double close = calculator.drawProbability(25, 2, 26, 2);
    double far = calculator.drawProbability(25, 2, 40, 2);
    assertTrue(close > far, close + " > " + far);
  }

  @Test
  void drawProbabilityIsOpenSkillsPredictDrawAndSymmetric() {
    // openskill.py predict_draw for two players: 0.2371 for two new ratings, 0.4881 for equals with
    // sigma 1
    assertEquals(0.2371, calculator.drawProbability(25, 25.0 / 3, 25, 25.0 / 3), 1e-4);
    assertEquals(0.4881, calculator.drawProbability(25, 1, 25, 1), 1e-4);
    assertEquals(
        calculator.drawProbability(20, 3, 30, 5), calculator.drawProbability(30, 5, 20, 3), 1e-12);
    assertTrue(calculator.drawProbability(25, 1, 45, 1) < 0.005); // 0.004: a 20-point gap
  }
}

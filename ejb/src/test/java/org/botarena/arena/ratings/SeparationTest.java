package org.botarena.arena.ratings;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class SeparationTest {

  @Test
  void aSixtyFortyEdgeNeedsAboutNinetyTwoGames() {
    // 1.96^2 * 0.6 * 0.4 / 0.1^2 = 92.2
    assertEquals(93, Separation.moreGames(0.6, 0).getAsInt());
    assertEquals(93, Separation.moreGames(0.4, 0).getAsInt(), "either way round");
    assertEquals(43, Separation.moreGames(0.6, 50).getAsInt());
    assertEquals(0, Separation.moreGames(0.6, 200).getAsInt());
  }

  @Test
  void evenBotsAreNeverToldApart() {
    assertTrue(Separation.moreGames(0.5, 0).isEmpty());
    assertTrue(Separation.moreGames(0.503, 1000).isEmpty());
    assertTrue(Separation.moreGames(Double.NaN, 0).isEmpty());
  }

  @Test
  void theWinProbabilityIsOpenSkillsPredictWin() {
    RatingCalculator calculator = new RatingCalculator();
    assertEquals(0.5, calculator.winProbability(25, 8.333, 25, 8.333), 1e-12);
    // openskill.py: predict_win([[a], [b]]) with a = (30, 2), b = (25, 2): Phi(5 / sqrt(2 beta^2 +
    // 8))
    double z = 5 / Math.sqrt(2 * (25.0 / 6) * (25.0 / 6) + 8);
    assertEquals(0.5 * (1 + erf(z / Math.sqrt(2))), calculator.winProbability(30, 2, 25, 2), 1e-9);
    assertEquals(
        1,
        calculator.winProbability(30, 2, 25, 2) + calculator.winProbability(25, 2, 30, 2),
        1e-12);
  }

  /** Abramowitz-Stegun 7.1.26 is too coarse here; a series to 1e-12 for |x| < 3. */
  private static double erf(double x) {
    double sum = 0;
    double term = x;
    for (int n = 0; n < 200; n++) {
      sum += term / (2 * n + 1);
      term *= -x * x / (n + 1);
    }
    return 2 / Math.sqrt(Math.PI) * sum;
  }
}

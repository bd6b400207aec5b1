package org.botarena.arena.ratings;

import com.pocketcombats.openskill.Adjudicator;
import com.pocketcombats.openskill.RatingModelConfig;
import com.pocketcombats.openskill.data.RatingAdjustment;
import com.pocketcombats.openskill.data.SimplePlayerResult;
import com.pocketcombats.openskill.data.SimpleTeamResult;
import com.pocketcombats.openskill.data.TeamResult;
import com.pocketcombats.openskill.math.Gaussian;
import com.pocketcombats.openskill.model.PlackettLuce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OpenSkill Plackett-Luce (Weng-Lin) with mu 25, sigma 25/3: updates and match quality. */
public final class RatingCalculator {

  /**
   * A player's rating going into a match and its rank in the result (1 is best; equal ranks draw).
   */
  public record Standing(long botId, double mu, double sigma, int rank) {}

  /** A player's rating after the match. */
  public record Updated(double mu, double sigma) {}

  /** The inverse normal CDF at (1 + 1/2) / 2, for the draw margin of two players. */
  private static final double PHI_INVERSE_OF_THREE_QUARTERS = 0.6744897501960817;

  private final Adjudicator<Long> adjudicator;
  private final double beta;

  public RatingCalculator() {
    RatingModelConfig config = RatingModelConfig.builder().build();
    adjudicator = new Adjudicator<>(config, new PlackettLuce(config));
    beta = config.beta();
  }

  /** The new ratings of every player of one match, each player its own team. */
  public Map<Long, Updated> rate(List<Standing> standings) {
    List<TeamResult<Long>> teams = new ArrayList<>();
    for (Standing s : standings) {
      teams.add(
          new SimpleTeamResult<>(
              s.mu(),
              s.sigma(),
              s.rank(),
              List.of(new SimplePlayerResult<>(s.botId(), s.mu(), s.sigma()))));
    }
    Map<Long, Updated> updated = new HashMap<>();
    for (RatingAdjustment<Long> adjustment : adjudicator.rate(teams)) {
      updated.put(adjustment.playerId(), new Updated(adjustment.mu(), adjustment.sigma()));
    }
    return updated;
  }

  /**
   * OpenSkill's probability that the first player beats the second ({@code predict_win} of
   * openskill.py for two players): their performance difference, with both uncertainties and each
   * game's noise (beta), is positive.
   */
  public double winProbability(double mu1, double sigma1, double mu2, double sigma2) {
    return Gaussian.cdf(
        (mu1 - mu2) / Math.sqrt(2 * beta * beta + sigma1 * sigma1 + sigma2 * sigma2));
  }

  /**
   * OpenSkill's draw probability of two players ({@code predict_draw} of openskill.py): the chance
   * that their performances land within the draw margin of each other. At most about 0.49 (equal
   * ratings, no uncertainty); 0.237 for two new bots. The library's {@code QualityEvaluator} is not
   * used: it is no probability (1 whenever the first mu is the lower, 0 beyond 3 sigma).
   */
  public double drawProbability(double mu1, double sigma1, double mu2, double sigma2) {
    double players = 2;
    double margin =
        Math.sqrt(players) * beta * PHI_INVERSE_OF_THREE_QUARTERS; // draw chance 1/players
    double spread = Math.sqrt(players * beta * beta + sigma1 * sigma1 + sigma2 * sigma2);
    double difference = mu1 - mu2;
    return Gaussian.cdf((margin - difference) / spread)
        - Gaussian.cdf((-margin - difference) / spread);
  }
}

package org.botarena.arena.domain.rating;

import com.pocketcombats.openskill.Adjudicator;
import com.pocketcombats.openskill.QualityEvaluator;
import com.pocketcombats.openskill.RatingModelConfig;
import com.pocketcombats.openskill.data.RatingAdjustment;
import com.pocketcombats.openskill.data.SimpleMatchMakingRating;
import com.pocketcombats.openskill.data.SimplePlayerResult;
import com.pocketcombats.openskill.data.SimpleTeamResult;
import com.pocketcombats.openskill.data.TeamResult;
import com.pocketcombats.openskill.model.PlackettLuce;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** OpenSkill Plackett-Luce (Weng-Lin) with mu 25, sigma 25/3: updates and match quality. */
public final class RatingCalculator {

  /** A player's rating going into a match and its rank in the result (1 is best; equal ranks draw). */
  public record Standing(long botId, double mu, double sigma, int rank) {}

  /** A player's rating after the match. */
  public record Updated(double mu, double sigma) {}

  private final Adjudicator<Long> adjudicator;
  private final QualityEvaluator quality;

  public RatingCalculator() {
    RatingModelConfig config = RatingModelConfig.builder().build();
    adjudicator = new Adjudicator<>(config, new PlackettLuce(config));
    quality = new QualityEvaluator(config);
  }

  /** The new ratings of every player of one match, each player its own team. */
  public Map<Long, Updated> rate(List<Standing> standings) {
    List<TeamResult<Long>> teams = new ArrayList<>();
    for (Standing s : standings) {
      teams.add(new SimpleTeamResult<>(s.mu(), s.sigma(), s.rank(),
          List.of(new SimplePlayerResult<>(s.botId(), s.mu(), s.sigma()))));
    }
    Map<Long, Updated> updated = new HashMap<>();
    for (RatingAdjustment<Long> adjustment : adjudicator.rate(teams)) {
      updated.put(adjustment.playerId(), new Updated(adjustment.mu(), adjustment.sigma()));
    }
    return updated;
  }

  /** The draw probability of two ratings (1 for equals with no uncertainty): a pair's quality. */
  public double drawProbability(double mu1, double sigma1, double mu2, double sigma2) {
    return quality.evaluateQuality(
        new SimpleMatchMakingRating(mu1, sigma1), new SimpleMatchMakingRating(mu2, sigma2));
  }
}

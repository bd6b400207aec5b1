package org.botarena.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.botarena.arena.domain.rating.RatingCalculator;

/**
 * Chooses pairs among waiting bots: a pair is acceptable when its draw probability plus a bonus for
 * the time both have waited exceeds the threshold; the best acceptable pairs are taken first, so
 * close matches win over merely possible ones, and the bonus means nobody waits forever.
 */
public final class Pairing {

  /** A bot waiting for a match. */
  public record Candidate(long botId, double mu, double sigma, Instant waitingSince) {}

  /** A chosen pair and the score that chose it. */
  public record Pair(Candidate first, Candidate second, double score) {}

  /** The knobs (from configuration). */
  public record Settings(double threshold, double bonusPerMinute) {}

  private final RatingCalculator ratings;
  private final Settings settings;

  public Pairing(RatingCalculator ratings, Settings settings) {
    this.ratings = ratings;
    this.settings = settings;
  }

  public List<Pair> choose(List<Candidate> waiting, Instant now) {
    List<Pair> acceptable = new ArrayList<>();
    for (int i = 0; i < waiting.size(); i++) {
      for (int j = i + 1; j < waiting.size(); j++) {
        Candidate a = waiting.get(i);
        Candidate b = waiting.get(j);
        double score = score(a, b, now);
        if (a.botId() != b.botId() && score > settings.threshold()) {
          acceptable.add(new Pair(a, b, score));
        }
      }
    }
    acceptable.sort(Comparator.comparingDouble(Pair::score).reversed());
    Set<Long> taken = new HashSet<>();
    List<Pair> chosen = new ArrayList<>();
    for (Pair pair : acceptable) {
      if (!taken.contains(pair.first().botId()) && !taken.contains(pair.second().botId())) {
        taken.add(pair.first().botId());
        taken.add(pair.second().botId());
        chosen.add(pair);
      }
    }
    return chosen;
  }

  /** Draw probability plus the waiting bonus: combined waiting minutes times the bonus. */
  double score(Candidate a, Candidate b, Instant now) {
    double quality = ratings.drawProbability(a.mu(), a.sigma(), b.mu(), b.sigma());
    double minutes = (waited(a, now) + waited(b, now)) / 60_000.0;
    return quality + minutes * settings.bonusPerMinute();
  }

  private static long waited(Candidate c, Instant now) {
    return c.waitingSince() == null ? 0 : Math.max(0, Duration.between(c.waitingSince(), now).toMillis());
  }
}

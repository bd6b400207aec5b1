package org.botarena.arena.ratings;

import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A bot's rating before and after one match (for the rating chart). */
@Entity
@Table(name = "rating_history")
public class RatingHistory {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  private long botId;

  private String gameType;

  private UUID matchId;

  private double muBefore;

  private double sigmaBefore;

  private double mu;

  private double sigma;

  private Instant ratedAt;

  protected RatingHistory() {}

  public RatingHistory(
      long botId,
      String gameType,
      UUID matchId,
      double muBefore,
      double sigmaBefore,
      double mu,
      double sigma) {
    this.botId = botId;
    this.gameType = gameType;
    this.matchId = matchId;
    this.muBefore = muBefore;
    this.sigmaBefore = sigmaBefore;
    this.mu = mu;
    this.sigma = sigma;
    this.ratedAt = Instant.now();
  }
}

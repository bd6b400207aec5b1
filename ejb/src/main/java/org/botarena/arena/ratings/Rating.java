package org.botarena.arena.ratings;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;

/** A bot's OpenSkill rating and record in one game type. */
@Entity
@Table(name = "ratings")
public class Rating {

  public static final double INITIAL_MU = 25.0;
  public static final double INITIAL_SIGMA = 25.0 / 3;

  @EmbeddedId private RatingKey id;

  private double mu;

  private double sigma;

  private int games;

  private int wins;

  private int losses;

  private int draws;

  private int disconnects;

  private double points;

  private Instant ratedAt;

  protected Rating() {}

  public Rating(RatingKey id) {
    this.id = id;
    this.mu = INITIAL_MU;
    this.sigma = INITIAL_SIGMA;
  }

  public RatingKey getId() {
    return id;
  }

  public double getMu() {
    return mu;
  }

  public double getSigma() {
    return sigma;
  }

  /** The conservative estimate the leaderboard ranks by. */
  public double getScore() {
    return score(mu, sigma);
  }

  /** The conservative estimate of a skill {@code mu} known to within {@code sigma}. */
  public static double score(double mu, double sigma) {
    return mu - 3 * sigma;
  }

  public int getGames() {
    return games;
  }

  public int getWins() {
    return wins;
  }

  public int getLosses() {
    return losses;
  }

  public int getDraws() {
    return draws;
  }

  public int getDisconnects() {
    return disconnects;
  }

  public double getPoints() {
    return points;
  }

  /** When a match last changed this rating (null: never). */
  public Instant getRatedAt() {
    return ratedAt;
  }

  /** Applies one match: the new mu and sigma and the spot's result. */
  public void apply(
      double newMu, double newSigma, String result, boolean disconnected, double weight) {
    mu = newMu;
    sigma = newSigma;
    games++;
    switch (result) {
      case "win" -> {
        wins++;
        points += weight;
      }
      case "loss" -> losses++;
      default -> {
        draws++;
        points += weight / 2;
      }
    }
    if (disconnected) {
      disconnects++;
    }
    ratedAt = Instant.now();
  }
}

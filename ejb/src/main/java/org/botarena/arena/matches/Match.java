package org.botarena.arena.matches;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One game between bots, from scheduling to its stored result. */
@Entity
@Table(name = "matches")
public class Match {

  @Id private UUID id;

  private long arenaId;

  private String gameType;

  @JdbcTypeCode(SqlTypes.JSON)
  private String config;

  private long seed;

  @Enumerated(EnumType.STRING)
  private MatchState state;

  private int attempt;

  private String instance;

  private Instant leaseUntil;

  private Instant createdAt;

  private Instant queuedAt;

  private Instant startedAt;

  private Instant endedAt;

  @Enumerated(EnumType.STRING)
  private EndState endState;

  private String endReason;

  private Integer steps;

  private double weight;

  private boolean rated;

  private Instant ratedAt;

  protected Match() {}

  public Match(UUID id, long arenaId, String gameType, String config, long seed, double weight) {
    this.id = id;
    this.arenaId = arenaId;
    this.gameType = gameType;
    this.config = config;
    this.seed = seed;
    this.weight = weight;
    this.state = MatchState.QUEUED;
    this.createdAt = Instant.now();
    this.queuedAt = createdAt;
  }

  public UUID getId() {
    return id;
  }

  public long getArenaId() {
    return arenaId;
  }

  public String getGameType() {
    return gameType;
  }

  public String getConfig() {
    return config;
  }

  public long getSeed() {
    return seed;
  }

  public MatchState getState() {
    return state;
  }

  public int getAttempt() {
    return attempt;
  }

  public String getInstance() {
    return instance;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }

  public Instant getStartedAt() {
    return startedAt;
  }

  public Instant getEndedAt() {
    return endedAt;
  }

  public EndState getEndState() {
    return endState;
  }

  public String getEndReason() {
    return endReason;
  }

  public Integer getSteps() {
    return steps;
  }

  public double getWeight() {
    return weight;
  }

  public boolean isRated() {
    return rated;
  }

  /** Records the result; the caller has checked that this runner still owns the match. */
  public void finish(EndState endState, String endReason, int steps) {
    this.state = MatchState.FINISHED;
    this.endState = endState;
    this.endReason = endReason;
    this.steps = steps;
    this.endedAt = Instant.now();
    this.leaseUntil = null;
  }
}

package org.botarena.arena.matchmaking;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** Where matches are scheduled: the training arena, a tournament, or a user's debug arena. */
@Entity
@Table(name = "arenas")
public class Arena {

  public enum Kind {
    TRAINING,
    TOURNAMENT,
    DEBUG,
    EVALUATION
  }

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @Enumerated(EnumType.STRING)
  private Kind kind;

  private String name;

  private String gameType;

  @JdbcTypeCode(SqlTypes.JSON)
  private String config;

  private Instant createdAt = Instant.now();

  protected Arena() {}

  public Arena(Kind kind, String name, String gameType, String config) {
    this.kind = kind;
    this.name = name;
    this.gameType = gameType;
    this.config = config;
  }

  public Long getId() {
    return id;
  }

  public Kind getKind() {
    return kind;
  }

  public String getName() {
    return name;
  }

  public String getGameType() {
    return gameType;
  }

  public String getConfig() {
    return config;
  }

  public Instant getCreatedAt() {
    return createdAt;
  }
}

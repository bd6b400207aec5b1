package org.botarena.arena.bots;

import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import org.botarena.arena.accounts.Team;

/** A team's program that plays; it connects with one of its tokens. */
@Entity
@Table(name = "bots")
public class Bot {

  @Id
  @GeneratedValue(strategy = GenerationType.IDENTITY)
  private Long id;

  @ManyToOne(fetch = FetchType.LAZY, optional = false)
  @JoinColumn(name = "team_id")
  private Team team;

  private String name;

  private Instant createdAt = Instant.now();

  private Instant deletedAt;

  protected Bot() {}

  public Bot(Team team, String name) {
    this.team = team;
    this.name = name;
  }

  public Long getId() {
    return id;
  }

  public Team getTeam() {
    return team;
  }

  public String getName() {
    return name;
  }

  public boolean isDeleted() {
    return deletedAt != null;
  }
}

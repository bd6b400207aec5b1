package org.botarena.arena.matches;

import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** The bot that played one spot of a match, and how it did. */
@Entity
@Table(name = "match_players")
public class MatchPlayer {

  @EmbeddedId private MatchPlayerId id;

  private long botId;

  private String botName;

  private String gateway;

  private String result;

  private Double score;

  @JdbcTypeCode(SqlTypes.JSON)
  private String stats;

  protected MatchPlayer() {}

  public MatchPlayer(MatchPlayerId id, long botId, String botName, String gateway) {
    this.id = id;
    this.botId = botId;
    this.botName = botName;
    this.gateway = gateway;
  }

  public MatchPlayerId getId() {
    return id;
  }

  public int getSpot() {
    return id.spot();
  }

  public long getBotId() {
    return botId;
  }

  public String getBotName() {
    return botName;
  }

  public String getGateway() {
    return gateway;
  }

  public String getResult() {
    return result;
  }

  public Double getScore() {
    return score;
  }

  public void record(String result, double score, String stats) {
    this.result = result;
    this.score = score;
    this.stats = stats;
  }
}

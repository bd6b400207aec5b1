package org.botarena.arena.sessions;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A connected bot: which instance holds its socket, its state and heartbeat. */
@Entity
@Table(name = "bot_sessions")
public class BotSession {

  @Id private UUID id;

  @Column(name = "bot_id")
  private long botId;

  private String instance;

  @Enumerated(EnumType.STRING)
  private SessionState state;

  private Instant connectedAt;

  private Instant heartbeatAt;

  private Instant waitingSince;

  protected BotSession() {}

  public BotSession(UUID id, long botId, String instance) {
    this.id = id;
    this.botId = botId;
    this.instance = instance;
    this.state = SessionState.IDLE;
    this.connectedAt = Instant.now();
    this.heartbeatAt = connectedAt;
  }

  /** The bot is in the middle of a game (it reconnected during one). */
  public void play() {
    state = SessionState.PLAYING;
  }

  public UUID getId() {
    return id;
  }

  public long getBotId() {
    return botId;
  }

  public String getInstance() {
    return instance;
  }

  public SessionState getState() {
    return state;
  }

  public Instant getWaitingSince() {
    return waitingSince;
  }
}

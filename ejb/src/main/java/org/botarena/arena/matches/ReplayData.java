package org.botarena.arena.matches;

import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A match's replay as stored: gzip-compressed JSON lines (see the games module's Replay). */
@Entity
@Table(name = "replays")
public class ReplayData {

  @Id private UUID matchId;

  private String format;

  private byte[] data;

  private Instant createdAt;

  protected ReplayData() {}

  public ReplayData(UUID matchId, byte[] data) {
    this.matchId = matchId;
    this.format = "jsonl.gz";
    this.data = data;
    this.createdAt = Instant.now();
  }

  public UUID getMatchId() {
    return matchId;
  }

  public byte[] getData() {
    return data;
  }
}

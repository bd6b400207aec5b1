package org.botarena.arena.matches;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** A match in lists and on its page. */
public record MatchSummary(
    String id,
    String arena,
    String gameType,
    String state,
    int attempt,
    Instant created,
    Instant started,
    Instant ended,
    String endState,
    String endReason,
    Integer steps,
    List<Player> players,
    boolean replay) {

  /** One spot of a match. */
  public record Player(int spot, long botId, String name, String result, Double score) {}

  public Duration getDuration() {
    return started == null || ended == null ? null : Duration.between(started, ended);
  }

  /** Seconds with one decimal, for display. */
  public String getDurationText() {
    Duration d = getDuration();
    return d == null ? "" : String.format(java.util.Locale.ROOT, "%.1f s", d.toMillis() / 1000.0);
  }

  /** "a 2 : 1 b" style, for lists. */
  public String getPlayersText() {
    StringBuilder s = new StringBuilder();
    for (Player p : players) {
      if (!s.isEmpty()) {
        s.append(" vs ");
      }
      s.append(p.name());
      if (p.result() != null) {
        s.append(" (").append(p.result()).append(')');
      }
    }
    return s.toString();
  }
}

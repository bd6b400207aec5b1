package org.botarena.bench.load;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import org.botarena.protocol.Json;

/**
 * What the stack stored of the matches booked in the window, once they have ended: how many, how
 * they ended, whether any was lost (FAILED, or still open two minutes after the window) and whether
 * any was rated twice or not at all. The load's bots keep playing meanwhile.
 */
final class MatchAudit {

  private static final int SETTLE_SECONDS = 120;

  private MatchAudit() {}

  static ObjectNode of(String db, Instant from, Instant to)
      throws SQLException, InterruptedException {
    String user = System.getenv().getOrDefault("ARENA_DB_USER", "postgres");
    String password = System.getenv().getOrDefault("ARENA_DB_PASSWORD", "postgres");
    try (Connection c = DriverManager.getConnection(db, user, password)) {
      long deadline = System.currentTimeMillis() + SETTLE_SECONDS * 1000L;
      while (count(
                  c,
                  "select count(*) from matches where created_at between ? and ? and state in"
                      + " ('QUEUED', 'RUNNING')",
                  from,
                  to)
              > 0
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(1000);
      }
      Thread.sleep(5000); // the last results' rating messages
      ObjectNode node = Json.object();
      node.put(
          "matches",
          count(c, "select count(*) from matches where created_at between ? and ?", from, to));
      node.put(
          "open_after_settle",
          count(
              c,
              "select count(*) from matches where created_at between ? and ?"
                  + " and state in ('QUEUED', 'RUNNING')",
              from,
              to));
      node.put(
          "failed",
          count(
              c,
              "select count(*) from matches where created_at between ? and ? and state = 'FAILED'",
              from,
              to));
      node.put(
          "aborted",
          count(
              c,
              "select count(*) from matches where created_at between ? and ? and end_state ="
                  + " 'ABORTED'",
              from,
              to));
      node.put(
          "disconnected",
          count(
              c,
              "select count(*) from matches where created_at between ? and ?"
                  + " and end_state = 'DISCONNECTED'",
              from,
              to));
      node.put(
          "rated_twice",
          count(
              c,
              "select count(*) from matches m where created_at between ? and ?"
                  + " and (select count(*) from rating_history h where h.match_id = m.id)"
                  + " > (select count(*) from match_players p where p.match_id = m.id)",
              from,
              to));
      node.put(
          "finished_unrated",
          count(
              c,
              "select count(*) from matches m where created_at between ? and ? and state ="
                  + " 'FINISHED' and end_state not in ('ABORTED', 'DROPPED') and not rated and"
                  + " m.arena_id in (select id from arenas where kind = 'TRAINING')",
              from,
              to));
      node.put(
          "aborted_rated",
          count(
              c,
              "select count(*) from matches m where created_at between ? and ?"
                  + " and end_state = 'ABORTED' and rated",
              from,
              to));
      return node;
    }
  }

  private static long count(Connection c, String sql, Instant from, Instant to)
      throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setTimestamp(1, Timestamp.from(from));
      q.setTimestamp(2, Timestamp.from(to));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getLong(1);
      }
    }
  }
}

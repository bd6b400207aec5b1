package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * What the fault tests check in a stack's database after a fault: that the matches go on, that
 * every match open at the fault ends (FINISHED, or FAILED after its last attempt, visibly), that
 * every bot plays again, and that every result is rated exactly once. Waits on conditions with
 * generous deadlines, never on timing; the seconds it measures are printed for docs/operations.md.
 */
final class MatchLedger {

  private final Stack stack;
  private final String botPrefix;

  /** The ledger of {@code stack}, whose fleet's bot names start with {@code botPrefix}. */
  MatchLedger(Stack stack, String botPrefix) {
    this.stack = stack;
    this.botPrefix = botPrefix;
  }

  /**
   * Waits until {@code wanted} matches have finished after {@code since}; the database may refuse
   * meanwhile.
   */
  void awaitFinishedAfter(Instant since, int wanted, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int finished = 0;
    while (System.currentTimeMillis() < deadline) {
      try (Connection db = stack.database();
          PreparedStatement q =
              db.prepareStatement(
                  "select count(*) from matches where state = 'FINISHED' and ended_at > ?")) {
        q.setTimestamp(1, Timestamp.from(since));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          finished = rs.getInt(1);
        }
        if (finished >= wanted) {
          return;
        }
      } catch (SQLException e) {
        // the database may still be refusing connections
      }
      Thread.sleep(500);
    }
    throw new AssertionError("only " + finished + " matches finished in " + seconds + " s");
  }

  /** The ids of the matches not yet ended (QUEUED or RUNNING). */
  List<String> unfinished() throws Exception {
    return ids("select id::text from matches where state in ('QUEUED', 'RUNNING')");
  }

  /** Waits until every match of {@code matches} has ended; fails naming the ones still open. */
  void awaitEnded(List<String> matches, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    List<String> open;
    while (!(open = stillOpen(matches)).isEmpty()) {
      assertTrue(
          System.currentTimeMillis() < deadline, open.size() + " matches lost in limbo: " + open);
      Thread.sleep(500);
    }
  }

  /** Every match created before {@code until} is FINISHED or FAILED within the time. */
  void awaitNothingPendingFrom(Instant until, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int pending = 0;
    while (System.currentTimeMillis() < deadline) {
      try (Connection db = stack.database();
          PreparedStatement q =
              db.prepareStatement(
                  "select count(*) from matches where state in ('QUEUED', 'RUNNING') and created_at"
                      + " < ?")) {
        q.setTimestamp(1, Timestamp.from(until));
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          pending = rs.getInt(1);
        }
      } catch (SQLException e) {
        pending = -1; // the database may still be refusing connections
      }
      if (pending == 0) {
        return;
      }
      Thread.sleep(500);
    }
    throw new AssertionError(pending + " matches from before the fault never ended");
  }

  /**
   * Waits until every bot of the fleet is in a match scheduled (or run again) after {@code since};
   * returns the seconds that took.
   */
  double awaitEveryBotPlayingSince(Instant since, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int idle;
    while ((idle = botsWithoutMatchSince(since)) != 0) {
      assertTrue(
          System.currentTimeMillis() < deadline,
          idle + " bots not playing again " + seconds + " s after the fault");
      Thread.sleep(500);
    }
    return (System.currentTimeMillis() - since.toEpochMilli()) / 1000.0;
  }

  /**
   * Rated once each, and every result rated: one whose message was lost too, within a lease or two.
   */
  void assertRatedOnce() throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    int unrated;
    while ((unrated =
            count(
                "select count(*) from matches m where m.state = 'FINISHED' and not m.rated"
                    // training games all (house games rate by default), 10 s leases in the fault
                    // stacks
                    + " and m.end_state not in ('ABORTED', 'DROPPED') and m.ended_at < now() -"
                    + " interval '20 seconds'"))
        > 0) {
      assertTrue(System.currentTimeMillis() < deadline, unrated + " results never rated");
      Thread.sleep(500);
    }
    assertEquals(0, ratedTwice(), "a match rated twice");
    assertEquals(
        0,
        count(
            "select count(*) from matches m where m.rated and (select count(*) from rating_history"
                + " h where h.match_id = m.id) <> 2"),
        "a rated match without exactly one update per player");
  }

  /** Matches with more rating updates than players. */
  int ratedTwice() throws Exception {
    return count(
        "select count(*) from (select match_id from rating_history group by match_id having"
            + " count(*) > 2) twice");
  }

  /** How {@code matches} ended: state/end state/attempt and how many. */
  String outcomes(List<String> matches) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select state || '/' || coalesce(end_state, '-') || '/attempt ' || attempt,"
                    + " count(*) from matches where id::text = any (?) group by 1 order by 1")) {
      q.setArray(1, db.createArrayOf("text", matches.toArray()));
      StringBuilder out = new StringBuilder();
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          out.append(rs.getString(1)).append(": ").append(rs.getInt(2)).append("; ");
        }
      }
      return out.toString();
    }
  }

  /** How many of {@code matches} ended FAILED (lost, if visibly: every attempt's runner died). */
  int failed(List<String> matches) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select count(*) from matches where id::text = any (?) and state = 'FAILED'")) {
      q.setArray(1, db.createArrayOf("text", matches.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  int count(String query) throws Exception {
    try (Connection db = stack.database();
        Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  List<String> ids(String query) throws Exception {
    List<String> ids = new ArrayList<>();
    try (Connection db = stack.database();
        Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery(query)) {
      while (rs.next()) {
        ids.add(rs.getString(1));
      }
    }
    return ids;
  }

  private int botsWithoutMatchSince(Instant since) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select count(*) from bots b where b.name like ? and not exists (select 1 from"
                    + " match_players p"
                    // a new match, or one of a lost runner's matches run again as its next attempt
                    + " join matches m on m.id = p.match_id where p.bot_id = b.id and (m.created_at"
                    + " > ? or m.started_at > ?))")) {
      q.setString(1, botPrefix + "%");
      q.setTimestamp(2, Timestamp.from(since));
      q.setTimestamp(3, Timestamp.from(since));
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    } catch (SQLException e) {
      return -1; // the database may still be refusing connections
    }
  }

  private List<String> stillOpen(List<String> matches) throws Exception {
    List<String> open = new ArrayList<>();
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select id::text from matches where id::text = any (?) and state in ('QUEUED',"
                    + " 'RUNNING')")) {
      q.setArray(1, db.createArrayOf("text", matches.toArray()));
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          open.add(rs.getString(1));
        }
      }
    }
    return open;
  }
}

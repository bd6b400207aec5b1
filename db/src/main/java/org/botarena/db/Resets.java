package org.botarena.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

/**
 * The resets an admin starts from the command line or the admin page: one list of statements for
 * both, run in one transaction; the last statement's row count is the result.
 */
public final class Resets {

  /** Every bot back to the initial rating; matches stay. Counts the ratings removed. */
  public static final List<String> RATINGS =
      List.of("delete from rating_history", "delete from ratings");

  /**
   * Deletes the finished and failed matches of the training, debug and evaluation arenas, with
   * their results and replays (and an evaluation's rows of those games), and every rating.
   * Tournament games stay (a tournament's tables refer to them and its standings are built from
   * them), and running games go on. Counts the matches deleted.
   */
  public static final List<String> GAMES =
      List.of(
          "delete from rating_history",
          "delete from ratings",
          "delete from matches where state in ('FINISHED', 'FAILED')"
              + " and arena_id not in (select id from arenas where kind = 'TOURNAMENT')");

  private Resets() {}

  /**
   * Runs {@code statements} on {@code c} (in the caller's transaction); the last one's row count.
   */
  public static int run(Connection c, List<String> statements) throws SQLException {
    int rows = 0;
    try (Statement s = c.createStatement()) {
      for (String sql : statements) {
        rows = s.executeUpdate(sql);
      }
    }
    return rows;
  }
}

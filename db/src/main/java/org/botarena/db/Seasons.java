package org.botarena.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * Starting a new season of a training arena, for the admin command line and the admin page alike
 * (V19__seasons.sql): the current season's ratings are kept as its final table, the game's ratings
 * start over, and the next season opens. Runs in the caller's transaction.
 */
public final class Seasons {

  private Seasons() {}

  /** The training arena of {@code gameType}'s next season; returns the new season's number. */
  public static int startNew(Connection c, String gameType) throws SQLException {
    long arena = arena(c, gameType);
    // an arena made before its first season was recorded (or by hand) gets season 1 first
    update(
        c,
        "insert into seasons (arena_id, number, started_at) select id, 1, created_at from arenas a"
            + " where id = ? and not exists (select 1 from seasons s where s.arena_id = a.id)",
        arena);
    long season;
    int number;
    try (PreparedStatement q =
        c.prepareStatement(
            "select id, number from seasons where arena_id = ? and ended_at is null for update")) {
      q.setLong(1, arena);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        season = rs.getLong(1);
        number = rs.getInt(2);
      }
    }
    try (PreparedStatement keep =
        c.prepareStatement(
            "insert into season_ratings (season_id, bot_id, bot_name, mu, sigma, games, wins,"
                + " losses, draws, disconnects, points) select ?, r.bot_id, b.name, r.mu, r.sigma,"
                + " r.games, r.wins, r.losses, r.draws, r.disconnects, r.points from ratings r join"
                + " bots b on b.id = r.bot_id where r.game_type = ?")) {
      keep.setLong(1, season);
      keep.setString(2, gameType);
      keep.executeUpdate();
    }
    update(c, "update seasons set ended_at = now() where id = ?", season);
    try (PreparedStatement reset = c.prepareStatement("delete from ratings where game_type = ?")) {
      reset.setString(1, gameType);
      reset.executeUpdate();
    }
    try (PreparedStatement open =
        c.prepareStatement("insert into seasons (arena_id, number) values (?, ?)")) {
      open.setLong(1, arena);
      open.setInt(2, number + 1);
      open.executeUpdate();
    }
    return number + 1;
  }

  private static long arena(Connection c, String gameType) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("select id from arenas where kind = 'TRAINING' and game_type = ?")) {
      q.setString(1, gameType);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException(
              "no training arena of '" + gameType + "' (it opens when the platform first runs it)");
        }
        return rs.getLong(1);
      }
    }
  }

  private static void update(Connection c, String sql, long id) throws SQLException {
    try (PreparedStatement p = c.prepareStatement(sql)) {
      p.setLong(1, id);
      p.executeUpdate();
    }
  }
}

package org.botarena.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;

/** The admin's tournament operations: create one, enter bots, read where it stands. */
public final class TournamentCommands {

  /**
   * Above this many bots an exhaustive round gets long (190 matches at 20); the admin is warned.
   */
  static final int EXHAUSTIVE_WARNING = 20;

  private final Database database;

  public TournamentCommands(Database database) {
    this.database = database;
  }

  /**
   * Creates a tournament and its arena; it opens {@code opensInSeconds} from now and then runs
   * {@code rounds} rounds of {@code format} ({@code exhaustive} or {@code random-draw}).
   */
  public long create(
      String name,
      String gameType,
      String format,
      int groupSize,
      int rounds,
      String config,
      int opensInSeconds)
      throws SQLException {
    String kind = format.trim().toUpperCase(Locale.ROOT).replace('-', '_');
    if (!kind.equals("EXHAUSTIVE") && !kind.equals("RANDOM_DRAW")) {
      throw new IllegalArgumentException(
          "--format is exhaustive or random-draw, got '" + format + "'");
    }
    if (groupSize < 2) {
      throw new IllegalArgumentException("--group-size must be at least 2");
    }
    if (rounds < 1) {
      throw new IllegalArgumentException("--rounds must be at least 1");
    }
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      long arenaId;
      try (PreparedStatement arena =
          c.prepareStatement(
              "insert into arenas (kind, name, game_type, config) values ('TOURNAMENT', ?, ?,"
                  + " ?::jsonb) returning id")) {
        arena.setString(1, "tournament-" + name);
        arena.setString(2, gameType);
        arena.setString(3, config);
        arenaId = id(arena);
      } catch (SQLException e) {
        c.rollback();
        throw new IllegalArgumentException(
            "cannot create tournament '" + name + "': " + e.getMessage());
      }
      try (PreparedStatement tournament =
          c.prepareStatement(
              "insert into tournaments (arena_id, name, game_type, config, format, group_size,"
                  + " rounds, seed, opens_at) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, now() +"
                  + " make_interval(secs => ?)) returning id")) {
        tournament.setLong(1, arenaId);
        tournament.setString(2, name);
        tournament.setString(3, gameType);
        tournament.setString(4, config);
        tournament.setString(5, kind);
        tournament.setInt(6, groupSize);
        tournament.setInt(7, rounds);
        tournament.setLong(8, new SecureRandom().nextLong());
        tournament.setInt(9, opensInSeconds);
        long id = id(tournament);
        c.commit();
        return id;
      }
    }
  }

  /** Enters bots (by name); returns a warning for a large exhaustive tournament, else null. */
  public String enter(String tournament, List<String> bots) throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      long id = tournamentId(c, tournament);
      for (String bot : bots) {
        try (PreparedStatement enter =
            c.prepareStatement(
                "insert into tournament_entrants (tournament_id, bot_id) select ?, id from bots"
                    // a debug arena's spot is no team bot: it plays only the games started by hand
                    + " where lower(name) = lower(?) and deleted_at is null and debug_arena_id is"
                    + " null on conflict do nothing")) {
          enter.setLong(1, id);
          enter.setString(2, bot);
          if (enter.executeUpdate() == 0 && !entered(c, id, bot)) {
            c.rollback();
            throw new IllegalArgumentException("no bot named '" + bot + "'");
          }
        }
      }
      c.commit();
      try (PreparedStatement q =
          c.prepareStatement(
              "select t.format, count(e.bot_id) from tournaments t left join tournament_entrants e"
                  + " on e.tournament_id = t.id where t.id = ? group by t.format")) {
        q.setLong(1, id);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          int entrants = rs.getInt(2);
          if (rs.getString(1).equals("EXHAUSTIVE") && entrants > EXHAUSTIVE_WARNING) {
            return "warning: "
                + entrants
                + " bots in an exhaustive tournament play "
                + entrants * (entrants - 1) / 2
                + " matches a round";
          }
        }
      }
      return null;
    }
  }

  /** Where the tournament stands, as lines of text. */
  public String status(String tournament) throws SQLException {
    StringBuilder out = new StringBuilder();
    try (Connection c = database.connect();
        PreparedStatement q =
            c.prepareStatement(
                "select name, format, phase, round, rounds, level, winner_team,"
                    + " (select count(*) from tournament_entrants e where e.tournament_id = t.id)"
                    + " from tournaments t where lower(name) = lower(?)")) {
      q.setString(1, tournament);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no tournament named '" + tournament + "'");
        }
        out.append(rs.getString(1))
            .append(": ")
            .append(rs.getString(2).toLowerCase(Locale.ROOT))
            .append(", ")
            .append(rs.getInt(8))
            .append(" bots entered, phase ")
            .append(rs.getString(3))
            .append(", round ")
            .append(rs.getInt(4))
            .append(" of ")
            .append(rs.getInt(5))
            .append(", level ")
            .append(rs.getInt(6));
        if (rs.getString(7) != null) {
          out.append(", won by team ").append(rs.getString(7));
        }
      }
    }
    return out.toString();
  }

  private static boolean entered(Connection c, long tournament, String bot) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "select 1 from tournament_entrants e join bots b on b.id = e.bot_id"
                + " where e.tournament_id = ? and lower(b.name) = lower(?)")) {
      q.setLong(1, tournament);
      q.setString(2, bot);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  private static long tournamentId(Connection c, String name) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("select id from tournaments where lower(name) = lower(?)")) {
      q.setString(1, name);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no tournament named '" + name + "'");
        }
        return rs.getLong(1);
      }
    }
  }

  private static long id(PreparedStatement insert) throws SQLException {
    try (ResultSet rs = insert.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

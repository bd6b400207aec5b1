package org.botarena.db;

import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import org.botarena.games.StoredConfig;

/**
 * The admin's tournament operations, for the admin command line and the admin page alike: create
 * one, enter and withdraw bots, open it now, read where it stands. Each runs in the caller's
 * transaction; a refused input is an {@link IllegalArgumentException} whose message is for the
 * admin.
 */
public final class Tournaments {

  /**
   * Above this many bots an exhaustive round gets long (190 matches at 20); the admin is warned.
   */
  static final int EXHAUSTIVE_WARNING = 20;

  /** The longest tournament name (it is shown in lists and URLs). */
  public static final int MAX_NAME = 60;

  /** A tournament to create: it opens {@code opensInSeconds} from now. */
  public record Spec(
      String name,
      String gameType,
      String format,
      int groupSize,
      int rounds,
      String config,
      int opensInSeconds) {}

  private Tournaments() {}

  /** Creates the tournament and its arena; returns its id. */
  public static long create(Connection c, Spec spec) throws SQLException {
    String name = spec.name() == null ? "" : spec.name().strip();
    if (name.isEmpty() || name.length() > MAX_NAME) {
      throw new IllegalArgumentException(
          "A tournament's name has 1 to " + MAX_NAME + " characters.");
    }
    String kind =
        spec.format() == null
            ? ""
            : spec.format().strip().toUpperCase(Locale.ROOT).replace('-', '_');
    if (!kind.equals("EXHAUSTIVE") && !kind.equals("RANDOM_DRAW")) {
      throw new IllegalArgumentException(
          "The format is exhaustive or random-draw, not '" + spec.format() + "'.");
    }
    if (spec.groupSize() < 2 || spec.groupSize() > 64) {
      throw new IllegalArgumentException("The group size is 2 to 64.");
    }
    if (spec.rounds() < 1 || spec.rounds() > 100) {
      throw new IllegalArgumentException("The rounds are 1 to 100.");
    }
    if (spec.opensInSeconds() < 0 || spec.opensInSeconds() > 366 * 86400) {
      throw new IllegalArgumentException("It opens now or within a year.");
    }
    String config = StoredConfig.check(spec.gameType(), spec.config());
    if (exists(c, "select 1 from tournaments where lower(name) = lower(?)", name)) {
      throw new IllegalArgumentException("A tournament named '" + name + "' exists already.");
    }
    long arenaId;
    try (PreparedStatement arena =
        c.prepareStatement(
            "insert into arenas (kind, name, game_type, config) values ('TOURNAMENT', ?, ?,"
                + " ?::jsonb) returning id")) {
      arena.setString(1, "tournament-" + name);
      arena.setString(2, spec.gameType());
      arena.setString(3, config);
      arenaId = id(arena);
    }
    try (PreparedStatement tournament =
        c.prepareStatement(
            "insert into tournaments (arena_id, name, game_type, config, format, group_size,"
                + " rounds, seed, opens_at) values (?, ?, ?, ?::jsonb, ?, ?, ?, ?, now() +"
                + " make_interval(secs => ?)) returning id")) {
      tournament.setLong(1, arenaId);
      tournament.setString(2, name);
      tournament.setString(3, spec.gameType());
      tournament.setString(4, config);
      tournament.setString(5, kind);
      tournament.setInt(6, spec.groupSize());
      tournament.setInt(7, spec.rounds());
      tournament.setLong(8, new SecureRandom().nextLong());
      tournament.setInt(9, spec.opensInSeconds());
      return id(tournament);
    }
  }

  /**
   * Enters bots (by name; entering one twice is no error). Returns a warning for a large exhaustive
   * tournament, else null.
   */
  public static String enter(Connection c, String tournament, List<String> bots)
      throws SQLException {
    long id = tournamentId(c, tournament);
    if (exists(c, "select 1 from tournaments where id = ? and phase = 'CLOSED'", id)) {
      throw new IllegalArgumentException("'" + tournament + "' is over.");
    }
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
          throw new IllegalArgumentException("No bot named '" + bot + "'.");
        }
      }
    }
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

  /** Withdraws a bot before the tournament's first round has started. */
  public static void withdraw(Connection c, String tournament, String bot) throws SQLException {
    long id = tournamentId(c, tournament);
    if (!exists(c, "select 1 from tournaments where id = ? and round = 0", id)) {
      throw new IllegalArgumentException(
          "'" + tournament + "' has started: its entrants stay (a bot away loses by walkover).");
    }
    try (PreparedStatement q =
        c.prepareStatement(
            "delete from tournament_entrants e using bots b where b.id = e.bot_id and"
                + " e.tournament_id = ? and lower(b.name) = lower(?)")) {
      q.setLong(1, id);
      q.setString(2, bot);
      if (q.executeUpdate() == 0) {
        throw new IllegalArgumentException("'" + bot + "' is not entered.");
      }
    }
  }

  /** Opens the tournament now instead of at its planned time; false if it was open already. */
  public static boolean openNow(Connection c, String tournament) throws SQLException {
    long id = tournamentId(c, tournament);
    try (PreparedStatement q =
        c.prepareStatement(
            "update tournaments set opens_at = now() where id = ? and opens_at > now()")) {
      q.setLong(1, id);
      return q.executeUpdate() == 1;
    }
  }

  /** Where the tournament stands, as a line of text. */
  public static String status(Connection c, String tournament) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "select name, format, phase, round, rounds, level, winner_team,"
                + " (select count(*) from tournament_entrants e where e.tournament_id = t.id)"
                + " from tournaments t where lower(name) = lower(?)")) {
      q.setString(1, tournament);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("No tournament named '" + tournament + "'.");
        }
        StringBuilder out =
            new StringBuilder()
                .append(rs.getString(1))
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
        return out.toString();
      }
    }
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
          throw new IllegalArgumentException("No tournament named '" + name + "'.");
        }
        return rs.getLong(1);
      }
    }
  }

  private static boolean exists(Connection c, String sql, Object key) throws SQLException {
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setObject(1, key);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
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

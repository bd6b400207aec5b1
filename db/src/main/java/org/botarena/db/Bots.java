package org.botarena.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * A bot's rows, for the admin command line and the portal alike: creating one with its name
 * history, renaming it (the old name stays in the history: stats are shown per name), and issuing a
 * token (only its SHA-256 and a short hint are stored). Each runs in the caller's transaction; the
 * callers check names ({@link NameRule}) and who may act.
 */
public final class Bots {

  private Bots() {}

  /** Whether a living bot other than {@code exceptBot} has this name (case-insensitive). */
  public static boolean nameTaken(Connection c, String name, long exceptBot) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement(
            "select 1 from bots where lower(name) = lower(?) and deleted_at is null and id <> ?")) {
      q.setString(1, name);
      q.setLong(2, exceptBot);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next();
      }
    }
  }

  /** A new bot of the team; returns its id. */
  public static long create(Connection c, long teamId, String name) throws SQLException {
    long botId;
    try (PreparedStatement insert =
        c.prepareStatement("insert into bots (team_id, name) values (?, ?) returning id")) {
      insert.setLong(1, teamId);
      insert.setString(2, name);
      try (ResultSet rs = insert.executeQuery()) {
        rs.next();
        botId = rs.getLong(1);
      }
    }
    openName(c, botId, name);
    return botId;
  }

  /** Renames the bot; its current name's period ends now and the new one's begins. */
  public static void rename(Connection c, long botId, String name) throws SQLException {
    try (PreparedStatement rename = c.prepareStatement("update bots set name = ? where id = ?")) {
      rename.setString(1, name);
      rename.setLong(2, botId);
      rename.executeUpdate();
    }
    closeName(c, botId);
    openName(c, botId, name);
  }

  /** Ends the bot's current name period (a deleted bot keeps its history). */
  public static void closeName(Connection c, long botId) throws SQLException {
    try (PreparedStatement close =
        c.prepareStatement(
            "update bot_names set valid_to = now() where bot_id = ? and valid_to is null")) {
      close.setLong(1, botId);
      close.executeUpdate();
    }
  }

  /** A new token of {@code kind} (BOT or DEBUG_SPOT) for the bot row; returned once, in clear. */
  public static String issueToken(Connection c, long botId, String kind) throws SQLException {
    String token = Secrets.newToken();
    try (PreparedStatement insert =
        c.prepareStatement("insert into tokens (hash, kind, bot_id, hint) values (?, ?, ?, ?)")) {
      insert.setString(1, Secrets.tokenHash(token));
      insert.setString(2, kind);
      insert.setLong(3, botId);
      insert.setString(4, hint(token));
      insert.executeUpdate();
    }
    return token;
  }

  /** The first characters after the prefix: enough to tell a team's tokens apart. */
  static String hint(String token) {
    return token.substring(Secrets.TOKEN_PREFIX.length(), Secrets.TOKEN_PREFIX.length() + 4);
  }

  private static void openName(Connection c, long botId, String name) throws SQLException {
    try (PreparedStatement open =
        c.prepareStatement("insert into bot_names (bot_id, name) values (?, ?)")) {
      open.setLong(1, botId);
      open.setString(2, name);
      open.executeUpdate();
    }
  }
}

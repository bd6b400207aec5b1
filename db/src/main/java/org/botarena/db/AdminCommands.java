package org.botarena.db;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Optional;

/** The account operations of the admin command line, each in its own transaction. */
public final class AdminCommands {

  private final Database database;

  public AdminCommands(Database database) {
    this.database = database;
  }

  /** Creates a team; an existing team of that name is an error. */
  public long addTeam(String name) throws SQLException {
    try (Connection c = database.connect()) {
      if (findId(c, "select id from teams where lower(name) = lower(?)", name).isPresent()) {
        throw new IllegalArgumentException("team '" + name + "' exists already");
      }
      return insertTeam(c, name);
    }
  }

  public long addUser(String username, String password, String role, String team)
      throws SQLException {
    checkPassword(password);
    try (Connection c = database.connect()) {
      if (findId(c, "select id from users where lower(username) = lower(?)", username)
          .isPresent()) {
        throw new IllegalArgumentException("user '" + username + "' exists already");
      }
      Long teamId = team == null ? null : teamId(c, team, true);
      try (PreparedStatement insert =
          c.prepareStatement(
              "insert into users (username, password_hash, role, team_id) values (?, ?, ?, ?)"
                  + " returning id")) {
        insert.setString(1, username);
        insert.setString(2, Secrets.hashPassword(password));
        insert.setString(3, role);
        insert.setObject(4, teamId);
        return returnedId(insert);
      }
    }
  }

  /** A user's new password (the user signs in with it from now on). */
  public void setPassword(String username, String password) throws SQLException {
    checkPassword(password);
    updateUser(
        username,
        "update users set password_hash = ? where lower(username) = lower(?)",
        Secrets.hashPassword(password));
  }

  /**
   * Disables a user (no sign-in; a signed-in session ends at its next request) or enables them
   * again.
   */
  public void setDisabled(String username, boolean disabled) throws SQLException {
    updateUser(
        username,
        disabled
            ? "update users set disabled_at = coalesce(disabled_at, now()) where lower(username) ="
                + " lower(?)"
            : "update users set disabled_at = null where lower(username) = lower(?)",
        null);
  }

  private void updateUser(String username, String sql, String value) throws SQLException {
    try (Connection c = database.connect();
        PreparedStatement update = c.prepareStatement(sql)) {
      int i = 1;
      if (value != null) {
        update.setString(i++, value);
      }
      update.setString(i, username);
      if (update.executeUpdate() == 0) {
        throw new IllegalArgumentException("no user '" + username + "'");
      }
    }
  }

  static void checkPassword(String password) {
    if (password == null || password.length() < Secrets.MIN_PASSWORD_LENGTH) {
      throw new IllegalArgumentException(
          "the password must have at least " + Secrets.MIN_PASSWORD_LENGTH + " characters");
    }
  }

  /**
   * Creates a bot for a team (the team is created if missing) and returns its first token. With
   * {@code reuse}, an existing bot of that team gets a new token instead of an error.
   */
  public String addBot(String team, String name, boolean reuse) throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      long teamId = teamId(c, team, true);
      Optional<Long> existing =
          findId(
              c, "select id from bots where lower(name) = lower(?) and deleted_at is null", name);
      long botId;
      if (existing.isPresent()) {
        if (!reuse
            || !findId(
                    c, "select id from bots where id = ? and team_id = " + teamId, existing.get())
                .isPresent()) {
          throw new IllegalArgumentException("a bot named '" + name + "' exists already");
        }
        botId = existing.get();
      } else {
        botId = insertBot(c, teamId, name);
      }
      String token = Bots.issueToken(c, botId, "BOT");
      c.commit();
      return token;
    }
  }

  /**
   * Renames a living bot; its name history is kept (stats are shown per name), and a match it is
   * playing meanwhile is dropped when it ends.
   */
  public void renameBot(String name, String newName) throws SQLException {
    checkName("bot", newName);
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      long botId =
          findId(c, "select id from bots where lower(name) = lower(?) and deleted_at is null", name)
              .orElseThrow(() -> new IllegalArgumentException("no bot named '" + name + "'"));
      if (Bots.nameTaken(c, newName, botId)) {
        throw new IllegalArgumentException("a bot named '" + newName + "' exists already");
      }
      Bots.rename(c, botId, newName);
      c.commit();
    }
  }

  /** {@link Resets#RATINGS}: returns the ratings removed. */
  public int resetRatings() throws SQLException {
    return reset(Resets.RATINGS);
  }

  /** {@link Resets#GAMES}: returns the matches deleted. */
  public int resetGames() throws SQLException {
    return reset(Resets.GAMES);
  }

  /** {@link Seasons#startNew}: returns the new season's number. */
  public int startSeason(String gameType) throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      int number = Seasons.startNew(c, gameType);
      c.commit();
      return number;
    }
  }

  private int reset(List<String> statements) throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      int rows = Resets.run(c, statements);
      c.commit();
      return rows;
    }
  }

  private static long teamId(Connection c, String team, boolean create) throws SQLException {
    Optional<Long> id = findId(c, "select id from teams where lower(name) = lower(?)", team);
    if (id.isPresent()) {
      return id.get();
    }
    if (!create) {
      throw new IllegalArgumentException("no team '" + team + "'");
    }
    return insertTeam(c, team);
  }

  private static long insertTeam(Connection c, String name) throws SQLException {
    checkName("team", name);
    try (PreparedStatement insert =
        c.prepareStatement("insert into teams (name) values (?) returning id")) {
      insert.setString(1, name);
      return returnedId(insert);
    }
  }

  private static long insertBot(Connection c, long teamId, String name) throws SQLException {
    checkName("bot", name);
    return Bots.create(c, teamId, name);
  }

  /**
   * {@link NameRule}, taken as given (the portal strips blanks first; a script means what it
   * typed).
   */
  static void checkName(String what, String name) {
    if (!NameRule.isValid(name)) {
      throw new IllegalArgumentException(what + " name '" + name + "' must be " + NameRule.RULE);
    }
  }

  private static Optional<Long> findId(Connection c, String sql, Object value) throws SQLException {
    try (PreparedStatement query = c.prepareStatement(sql)) {
      query.setObject(1, value);
      try (ResultSet rs = query.executeQuery()) {
        return rs.next() ? Optional.of(rs.getLong(1)) : Optional.empty();
      }
    }
  }

  private static long returnedId(PreparedStatement insert) throws SQLException {
    try (ResultSet rs = insert.executeQuery()) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

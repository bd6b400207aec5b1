package org.botarena.arena.matchmaking;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Cluster-wide leadership: whoever holds a PostgreSQL session advisory lock leads. The lock lives
 * on a dedicated connection (not the pool's), so it is released the moment the holder's process
 * or connection dies, and another instance takes over at its next try. The same connection
 * listens for matchmaking notifications.
 */
final class LeaderLock implements AutoCloseable {

  /** "Arena" in ASCII: the lock's key, chosen to be unlikely to collide with anything else. */
  private static final long KEY = 0x4172656e61L;

  private final String url;
  private final Properties credentials = new Properties();
  private final String channel;
  private Connection connection;

  LeaderLock(String url, String user, String password, String channel) {
    this.url = url;
    this.channel = channel;
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    credentials.setProperty("ApplicationName", "arena-matchmaker");
  }

  /** True if this instance leads now (keeps the lock if it had it, else tries to take it). */
  boolean acquire() {
    try {
      if (connection != null && connection.isValid(2)) {
        return true;
      }
      close();
      Connection c = new org.postgresql.Driver().connect(url, credentials);
      try (Statement s = c.createStatement();
          ResultSet rs = s.executeQuery("select pg_try_advisory_lock(" + KEY + ")")) {
        rs.next();
        if (!rs.getBoolean(1)) {
          c.close();
          return false;
        }
        s.execute("listen " + channel);
      }
      connection = c;
      return true;
    } catch (SQLException e) {
      close();
      return false;
    }
  }

  /** Waits up to {@code millis} for a notification; true if one came. */
  boolean awaitNotification(int millis) {
    try {
      PGNotification[] notes = connection.unwrap(PGConnection.class).getNotifications(millis);
      return notes != null && notes.length > 0;
    } catch (SQLException e) {
      close();
      return false;
    }
  }

  @Override
  public void close() {
    if (connection != null) {
      try {
        connection.close();
      } catch (SQLException ignored) {
        // the lock goes with the connection either way
      }
      connection = null;
    }
  }
}

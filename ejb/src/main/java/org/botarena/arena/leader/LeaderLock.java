package org.botarena.arena.leader;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Properties;
import java.util.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

/**
 * Cluster-wide leadership: whoever holds a PostgreSQL session advisory lock leads. The lock lives
 * on a dedicated connection (not the pool's), so it is released the moment the holder's process or
 * connection dies, and another instance takes over at its next try. The same connection listens for
 * matchmaking notifications.
 *
 * <p>A frozen holder (SIGSTOP, a VM paused, a GC stall) keeps its connection and so the lock, and
 * the cluster would wait for it forever: a follower that finds the lock taken ends the holder's
 * session when the holder's instance has not beaten its heartbeat for the stale time (the same rule
 * by which its sessions are forgotten). Its connection is named after its instance so the follower
 * can tell whose it is.
 */
final class LeaderLock implements AutoCloseable {

  /** "Arena" in ASCII: the lock's key, chosen to be unlikely to collide with anything else. */
  private static final long KEY = 0x4172656e61L;

  private static final Logger LOG = Logger.getLogger(LeaderLock.class.getName());
  private static final String NAME = "arena-matchmaker ";

  private final String url;
  private final Properties credentials = new Properties();
  private final String channel;
  private final int staleSeconds;
  private Connection connection;

  LeaderLock(
      String url, String user, String password, String channel, String instance, int staleSeconds) {
    this.url = url;
    this.channel = channel;
    this.staleSeconds = staleSeconds;
    credentials.setProperty("user", user);
    credentials.setProperty("password", password);
    credentials.setProperty("ApplicationName", NAME + instance);
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
          endFrozenHolder(s);
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

  /** Ends the lock holder's session if its instance's heartbeat is older than the stale time. */
  private void endFrozenHolder(Statement s) throws SQLException {
    try (ResultSet rs =
        s.executeQuery(
            "select a.application_name, pg_terminate_backend(a.pid)"
                + " from pg_locks l join pg_stat_activity a on a.pid = l.pid"
                + " where l.locktype = 'advisory' and l.granted and l.classid = "
                + (KEY >>> 32)
                + " and l.objid = "
                + (KEY & 0xffffffffL)
                + " and a.application_name like '"
                + NAME
                + "%'"
                // its instance's row must be there and stale: at start a new leader's row may not
                // be written yet
                + " and exists (select 1 from instances i where '"
                + NAME
                + "' || i.id = a.application_name"
                + "   and i.heartbeat_at < now() - make_interval(secs => "
                + staleSeconds
                + "))")) {
      while (rs.next()) {
        LOG.warning(
            "ended the matchmaking leader's session of a frozen instance ("
                + rs.getString(1).substring(NAME.length())
                + ": no heartbeat for "
                + staleSeconds
                + " s); taking over");
      }
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

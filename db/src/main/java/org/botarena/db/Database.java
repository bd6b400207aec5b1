package org.botarena.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.output.MigrateResult;

/** Creates and migrates the database named by the settings. */
public final class Database {

  private final DatabaseSettings settings;

  public Database(DatabaseSettings settings) {
    this.settings = settings;
  }

  public Connection connect() throws SQLException {
    return DriverManager.getConnection(settings.url(), settings.user(), settings.password());
  }

  /** Work on a connection of one transaction, for {@link #inTransaction}. */
  @FunctionalInterface
  public interface Work<T> {
    T run(Connection c) throws SQLException;
  }

  /** Runs {@code work} in one transaction: committed if it returns, rolled back if it throws. */
  public <T> T inTransaction(Work<T> work) throws SQLException {
    try (Connection c = connect()) {
      c.setAutoCommit(false);
      try {
        T result = work.run(c);
        c.commit();
        return result;
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  /** Creates the database if it does not exist; true if it was created. */
  public boolean createIfAbsent() throws SQLException {
    String name = settings.databaseName();
    if (!name.matches("[A-Za-z_][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "unusual database name '" + name + "': create it yourself");
    }
    try (Connection c =
            DriverManager.getConnection(
                settings.maintenanceUrl(), settings.user(), settings.password());
        PreparedStatement exists =
            c.prepareStatement("select 1 from pg_database where datname = ?")) {
      exists.setString(1, name);
      try (ResultSet rs = exists.executeQuery()) {
        if (rs.next()) {
          return false;
        }
      }
      try (Statement create = c.createStatement()) {
        create.execute("create database " + name);
      }
      return true;
    }
  }

  /** Applies the pending migrations; concurrent callers are serialized by Flyway's lock. */
  public MigrateResult migrate() {
    return Flyway.configure(Database.class.getClassLoader())
        .dataSource(settings.url(), settings.user(), settings.password())
        .locations("classpath:db/migration")
        .load()
        .migrate();
  }
}

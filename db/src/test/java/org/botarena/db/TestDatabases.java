package org.botarena.db;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;

/**
 * Empty databases of the db module's tests on the real PostgreSQL ({@code ARENA_TEST_DB_HOST},
 * default 127.0.0.1:5432).
 */
final class TestDatabases {

  static final String HOST = System.getenv().getOrDefault("ARENA_TEST_DB_HOST", "127.0.0.1:5432");

  private TestDatabases() {}

  /** Drops {@code name} if it exists and creates it empty; its settings. */
  static DatabaseSettings fresh(String name) throws SQLException {
    try (Connection c =
        DriverManager.getConnection(
            "jdbc:postgresql://" + HOST + "/postgres", "postgres", "postgres")) {
      c.createStatement().execute("drop database if exists " + name + " with (force)");
      c.createStatement().execute("create database " + name);
    }
    return new DatabaseSettings("jdbc:postgresql://" + HOST + "/" + name, "postgres", "postgres");
  }

  /** A fresh, migrated database. */
  static Database migrated(String name) throws SQLException {
    Database database = new Database(fresh(name));
    database.migrate();
    return database;
  }
}

package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Before: the CLI took 8-character passwords and could neither disable a user nor set a password.
 * On the real PostgreSQL ({@code ARENA_TEST_DB_HOST}, default 127.0.0.1:5432).
 */
class AdminCommandsTest {

  private static final String NAME = "arena_dbtest_admin";
  private static final String HOST = System.getenv().getOrDefault("ARENA_TEST_DB_HOST", "127.0.0.1:5432");
  private static Database database;
  private static AdminCommands commands;

  @BeforeAll
  static void freshDatabase() throws Exception {
    try (Connection c = DriverManager.getConnection("jdbc:postgresql://" + HOST + "/postgres", "postgres", "postgres")) {
      c.createStatement().execute("drop database if exists " + NAME + " with (force)");
      c.createStatement().execute("create database " + NAME);
    }
    database = new Database(new DatabaseSettings("jdbc:postgresql://" + HOST + "/" + NAME, "postgres", "postgres"));
    database.migrate();
    commands = new AdminCommands(database);
  }

  @Test
  void passwordsHaveTwelveCharactersAtLeast() throws Exception {
    assertThrows(IllegalArgumentException.class, () -> commands.addUser("shorty", "elevenchars", "USER", null));
    commands.addUser("longer", "twelve chars", "USER", null);
    assertThrows(IllegalArgumentException.class, () -> commands.setPassword("longer", "short"));
  }

  @Test
  void anAdminSetsPasswordsAndDisablesUsers() throws Exception {
    commands.addUser("Student", "the first password", "USER", null);
    commands.setPassword("student", "the second password");
    assertTrue(Secrets.verifyPassword("the second password", column("password_hash", "Student")));

    commands.setDisabled("STUDENT", true);
    assertTrue(column("disabled_at", "Student") != null);
    commands.setDisabled("student", false);
    assertEquals(null, column("disabled_at", "Student"));
    assertThrows(IllegalArgumentException.class, () -> commands.setDisabled("nobody", true));
    assertTrue(AdminMain.USAGE.contains("disable-user") && AdminMain.USAGE.contains("set-password"));
  }

  private static String column(String column, String user) throws Exception {
    try (Connection c = database.connect();
        ResultSet rs = c.createStatement().executeQuery("select " + column + "::text from users where username = '" + user + "'")) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }
}

package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Before: the CLI took 8-character passwords and could neither disable a user nor set a password.
 * On the real PostgreSQL ({@code ARENA_TEST_DB_HOST}, default 127.0.0.1:5432).
 */
class AdminCommandsTest {

  private static final String NAME = "arena_dbtest_admin";
  private static Database database;
  private static AdminCommands commands;

  @BeforeAll
  static void freshDatabase() throws Exception {
    database = TestDatabases.migrated(NAME);
    commands = new AdminCommands(database);
  }

  @Test
  void passwordsHaveTwelveCharactersAtLeast() throws Exception {
    assertThrows(
        IllegalArgumentException.class,
        () -> commands.addUser("shorty", "elevenchars", "USER", null));
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
    assertTrue(
        AdminMain.USAGE.contains("disable-user") && AdminMain.USAGE.contains("set-password"));
  }

  private static String column(String column, String user) throws Exception {
    try (Connection c = database.connect();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select " + column + "::text from users where username = '" + user + "'")) {
      assertTrue(rs.next());
      return rs.getString(1);
    }
  }

  /**
   * Before: reset-games failed once a tournament existed (tournament_games refers to its matches).
   */
  @Test
  void resetGamesKeepsTournamentGamesAndRunningOnesAndDeletesTheRest() throws Exception {
    commands.addBot("resetters", "reset-a", false);
    commands.addBot("resetters", "reset-b", false);
    new TournamentCommands(database).create("reset-cup", "simple", "exhaustive", 2, 1, "{}", 0);
    try (Connection c = database.connect()) {
      var sql = c.createStatement();
      sql.execute(
          "insert into arenas (kind, name, game_type) values ('TRAINING', 'reset-training',"
              + " 'simple')");
      long a = id(c, "select id from bots where name = 'reset-a'");
      long b = id(c, "select id from bots where name = 'reset-b'");
      sql.execute(
          "insert into matches (id, arena_id, game_type, config, seed, state) select"
              + " gen_random_uuid(), id, 'simple', '{}', 1, s.state from arenas, (values"
              + " ('FINISHED'), ('FAILED'), ('RUNNING')) s(state) where name = 'reset-training' or"
              + " id = (select arena_id from tournaments where name = 'reset-cup')");
      sql.execute(
          "insert into tournament_games (tournament_id, round, level, group_no, bot_a, bot_b,"
              + " match_id) select t.id, 1, 1, 1, "
              + a
              + ", "
              + b
              + ", m.id from tournaments t join matches m on m.arena_id = t.arena_id"
              + " where t.name = 'reset-cup' and m.state = 'FINISHED'");
      sql.execute(
          "insert into ratings (bot_id, game_type, mu, sigma) values (" + a + ", 'simple', 30, 5)");
    }
    assertEquals(2, commands.resetGames(), "the training arena's finished and failed matches");
    try (Connection c = database.connect()) {
      assertEquals(
          3,
          id(
              c,
              "select count(*) from matches m join tournaments t on t.arena_id = m.arena_id where"
                  + " t.name = 'reset-cup'"));
      assertEquals(
          1,
          id(
              c,
              "select count(*) from matches m join arenas a on a.id = m.arena_id where a.name ="
                  + " 'reset-training'"),
          "the running game goes on");
      assertEquals(0, id(c, "select count(*) from ratings"));
    }
  }

  private static long id(Connection c, String sql) throws Exception {
    try (ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

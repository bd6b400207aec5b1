package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.function.Executable;

/**
 * The tournament rules the admin page and the command line share. Before: the command line stored
 * any game name and any config (a hostile one failed only when the games were played) and a second
 * tournament of the same name failed with the database's message. On the real PostgreSQL.
 */
class TournamentsTest {

  private static final String NAME = "arena_dbtest_tournaments";
  private static Database database;
  private static TournamentCommands commands;

  @BeforeAll
  static void freshDatabase() throws Exception {
    database = TestDatabases.migrated(NAME);
    commands = new TournamentCommands(database);
    AdminCommands admin = new AdminCommands(database);
    admin.addTeam("t");
    for (String bot : List.of("red", "blue")) {
      admin.addBot("t", bot, false);
    }
  }

  @Test
  void refusedInputSaysWhyAndStoresNothing() throws Exception {
    refused("No game 'chess'", () -> create("cup", "chess", "exhaustive", "{}"));
    refused(
        "The format is exhaustive or random-draw", () -> create("cup", "simple", "swiss", "{}"));
    refused("The config is not JSON", () -> create("cup", "simple", "exhaustive", "{"));
    refused("deadline_ms", () -> create("cup", "simple", "exhaustive", "{\"deadline_ms\": -1}"));
    refused(
        "The hockey config is refused",
        () -> create("cup", "hockey", "exhaustive", "{\"rounds\": 1000000000}"));
    refused("start_paused", () -> create("cup", "simple", "exhaustive", "{\"start_paused\":true}"));
    refused("1 to 60 characters", () -> create(" ", "simple", "exhaustive", "{}"));
    assertEquals(0, count("select count(*) from tournaments"));
    assertEquals(0, count("select count(*) from arenas where kind = 'TOURNAMENT'"));
  }

  @Test
  void entrantsMayBeWithdrawnUntilTheFirstRoundAndItOpensOnRequest() throws Exception {
    create("spring cup", "simple", "random-draw", "{\"deadline_ms\": 3000}");
    refused("exists already", () -> create("Spring Cup", "simple", "exhaustive", "{}"));
    assertNull(commands.enter("spring cup", List.of("red", "BLUE", "red")));
    refused("No bot named 'green'", () -> commands.enter("spring cup", List.of("green")));
    commands.withdraw("spring cup", "blue");
    refused("not entered", () -> commands.withdraw("spring cup", "blue"));
    assertTrue(commands.status("spring cup").contains("1 bots entered"));

    assertTrue(commands.openNow("spring cup"), "it opened in an hour");
    assertFalse(commands.openNow("spring cup"), "open already");
    try (Connection c = database.connect()) {
      c.createStatement().execute("update tournaments set round = 1 where name = 'spring cup'");
    }
    refused("has started", () -> commands.withdraw("spring cup", "red"));
  }

  private static void create(String name, String game, String format, String config)
      throws Exception {
    commands.create(name, game, format, 4, 1, config, 3600);
  }

  private static void refused(String why, Executable call) {
    IllegalArgumentException e = assertThrows(IllegalArgumentException.class, call);
    assertTrue(e.getMessage().contains(why), e.getMessage());
  }

  private static long count(String sql) throws Exception {
    try (Connection c = database.connect();
        ResultSet rs = c.createStatement().executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }
}

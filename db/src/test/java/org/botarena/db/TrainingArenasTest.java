package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A training arena's settings stored and changed, by the CLI's command, on the real PostgreSQL
 * ({@link TestDatabases}).
 */
class TrainingArenasTest {

  private static final String NAME = "arena_dbtest_arenas";
  private static Database database;

  @BeforeAll
  static void freshDatabase() throws Exception {
    database = TestDatabases.migrated(NAME);
  }

  @Test
  void anArenaOpensWithItsFirstSeasonOnce() throws Exception {
    try (Connection c = database.connect()) {
      long id = TrainingArenas.ensure(c, "connect4");
      assertEquals(id, TrainingArenas.ensure(c, "connect4"));
      try (ResultSet rs =
          c.createStatement().executeQuery("select count(*) from seasons where arena_id = " + id)) {
        rs.next();
        assertEquals(1, rs.getInt(1));
      }
    }
  }

  @Test
  void theCliSetsAndResetsSettingsAllOrNothing() throws Exception {
    ArenaCommands commands = new ArenaCommands(database);
    String shown =
        commands.change(
            "rps", Map.of("threshold", "0.35", "config", "{\"deadline_ms\": 800}"), Set.of());
    assertTrue(shown.contains("threshold                  0.35"), shown);
    assertTrue(shown.contains("config                     {\"deadline_ms\": 800}"), shown);
    assertTrue(shown.contains("(default: arena.matchmaking.interval-ms)"), shown);

    IllegalArgumentException bad =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                commands.change(
                    "rps", Map.of("cool-down-seconds", "5", "threshold", "2"), Set.of()));
    assertTrue(
        bad.getMessage().contains("'threshold' must be a number from 0 to 1"), bad.getMessage());
    try (Connection c = database.connect()) {
      TrainingArenas.Arena rps = TrainingArenas.read(c, "rps");
      assertEquals(Map.of("threshold", "0.35"), rps.settings(), "nothing of the bad change");
    }

    commands.change("rps", Map.of(), Set.of("threshold", "config"));
    try (Connection c = database.connect()) {
      TrainingArenas.Arena rps = TrainingArenas.read(c, "rps");
      assertEquals(Map.of(), rps.settings());
      assertEquals("{}", rps.config());
    }
    assertTrue(commands.list().contains("rps (training arena"), commands.list());
    assertThrows(
        IllegalArgumentException.class, () -> commands.change("rps", Map.of(), Set.of("speed")));
    assertThrows(IllegalArgumentException.class, () -> commands.change("nope", Map.of(), Set.of()));
  }
}

package org.botarena.arena.matches;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The export's rating range on a real PostgreSQL: a player's rating before the match where it was
 * rated, else the bot's current one; a match is exported when one of its players is in range, and
 * its learning rows are those players'.
 */
class ReplayExportFilterTest {

  ServiceDatabase db;
  ReplayExport export = new ReplayExport();
  UUID rated;
  UUID unrated;
  long a;
  long b;
  long c;

  @BeforeEach
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_export_filter");
    export.em = db.em;
    try (Connection sql = db.jdbc()) {
      long team = id(sql, "insert into teams (name) values ('t') returning id");
      a = id(sql, "insert into bots (team_id, name) values (" + team + ", 'a') returning id");
      b = id(sql, "insert into bots (team_id, name) values (" + team + ", 'b') returning id");
      c = id(sql, "insert into bots (team_id, name) values (" + team + ", 'c') returning id");
      long arena =
          id(
              sql,
              "insert into arenas (kind, name, game_type) values ('TRAINING', 't', 'simple')"
                  + " returning id");
      rated = new TestMatch(arena, "FINISHED").player(a, "win").player(b, "loss").insert(db);
      unrated = new TestMatch(arena, "FINISHED").player(b, "win").player(c, "loss").insert(db);
      var s = sql.createStatement();
      s.execute(
          "insert into replays (match_id, data) values ('"
              + rated
              + "', '\\x00'), ('"
              + unrated
              + "', '\\x00')");
      // before the rated match: a 30 - 3 x 2 = 24, b 20 - 3 x 5 = 5
      s.execute(
          "insert into rating_history (bot_id, game_type, match_id, mu_before, sigma_before, mu,"
              + " sigma) values ("
              + a
              + ", 'simple', '"
              + rated
              + "', 30, 2, 31, 2), ("
              + b
              + ", 'simple', '"
              + rated
              + "', 20, 5, 19, 5)");
      // now: b 25 - 3 x 8 = 1, c 40 - 3 x 3 = 31
      s.execute(
          "insert into ratings (bot_id, game_type, mu, sigma) values ("
              + b
              + ", 'simple', 25, 8), ("
              + c
              + ", 'simple', 40, 3)");
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private List<UUID> matches(ReplayExport.Filter filter) {
    return db.tx(() -> export.matches(filter, null)).stream()
        .map(ReplayExport.Entry::match)
        .toList();
  }

  private Map<Integer, String> players(UUID match, ReplayExport.Filter filter) {
    return db.tx(() -> export.players(match, filter));
  }

  private static ReplayExport.Filter rating(Double min, Double max) {
    return new ReplayExport.Filter("simple", null, null, null, 100, min, max);
  }

  @Test
  void theRatingBeforeTheMatchOrTheCurrentOneFiltersMatchesAndPlayers() {
    assertEquals(List.of(rated, unrated), matches(rating(null, null)));
    assertEquals(Map.of(0, "bot" + a, 1, "bot" + b), players(rated, rating(null, null)));

    ReplayExport.Filter strong = rating(20.0, null);
    assertEquals(List.of(rated, unrated), matches(strong));
    assertEquals(Map.of(0, "bot" + a), players(rated, strong), "a had 24 before it");
    assertEquals(Map.of(1, "bot" + c), players(unrated, strong), "c has 31 now");

    ReplayExport.Filter weak = rating(null, 10.0);
    assertEquals(Map.of(1, "bot" + b), players(rated, weak), "b had 5 before it");
    assertEquals(Map.of(0, "bot" + b), players(unrated, weak), "b has 1 now");

    assertEquals(List.of(rated), matches(rating(23.0, 25.0)));
    assertEquals(List.of(), matches(rating(32.0, null)));

    ReplayExport.Filter botAndRange =
        new ReplayExport.Filter("simple", "BOT" + a, null, null, 100, 25.0, null);
    assertEquals(List.of(), matches(botAndRange), "a's 24 is below 25");
  }

  @Test
  void aRangeTheWrongWayRoundIsRefused() {
    assertThrows(IllegalArgumentException.class, () -> rating(10.0, 5.0));
  }
}

package org.botarena.arena.matches;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.bots.BotStats;
import org.botarena.arena.bots.TestBots;
import org.botarena.arena.testing.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Match history filters, match pages, replays and bot statistics on a real PostgreSQL database. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalQueriesTest {

  ServiceDatabase db;
  MatchHistory history = new MatchHistory();
  ReplayService replays;
  BotStats stats;
  long red;
  long blue;
  long green;
  UUID win;
  UUID draw;
  UUID debug;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_portal");
    history.em = db.em;
    replays = new ReplayService(db.em);
    stats = TestBots.botStats(db.em);
    try (Connection c = db.jdbc()) {
      c.createStatement().execute("insert into teams (name) values ('t')");
      red = id(c, "insert into bots (team_id, name) values (1, 'red') returning id");
      blue = id(c, "insert into bots (team_id, name) values (1, 'blue') returning id");
      green = id(c, "insert into bots (team_id, name) values (1, 'green') returning id");
      c.createStatement()
          .execute(
              "insert into bot_names (bot_id, name, valid_to) values ("
                  + red
                  + ", 'crimson', now())");
      c.createStatement()
          .execute("insert into bot_names (bot_id, name) values (" + red + ", 'red')");
      c.createStatement()
          .execute(
              "insert into arenas (kind, name, game_type) values ('TRAINING', 'training',"
                  + " 'simple')");
      c.createStatement().execute("insert into teams (name) values ('others')");
      long owner =
          id(
              c,
              "insert into users (username, password_hash, role, team_id) values ('owner', 'x',"
                  + " 'USER', 1) returning id");
      c.createStatement()
          .execute(
              "insert into users (username, password_hash, role, team_id) values ('mate', 'x',"
                  + " 'USER', 1), ('stranger', 'x', 'USER', 2)");
      c.createStatement()
          .execute(
              "insert into arenas (kind, name, game_type, owner_id) values ('DEBUG', 'debug-1',"
                  + " 'simple', "
                  + owner
                  + ")");
      win = match(c, 1, "crimson", "win", "blue", "loss", "WIN", "2026-01-10");
      draw = match(c, 1, "red", "draw", "blue", "draw", "DRAW", "2026-02-10");
      match(c, 1, "red", "win", "green", "loss", "WIN", "2026-02-11");
      debug = match(c, 2, "red", "loss", "green", "win", "WIN", "2026-02-12");
      try (PreparedStatement p =
          c.prepareStatement("insert into replays (match_id, data) values (?, ?)")) {
        p.setObject(1, win);
        p.setBytes(2, new byte[] {1, 2, 3});
        p.executeUpdate();
        p.setObject(1, debug);
        p.executeUpdate();
      }
      c.createStatement()
          .execute(
              "insert into rating_history (bot_id, game_type, match_id, mu_before, sigma_before,"
                  + " mu, sigma) values ("
                  + red
                  + ", 'simple', '"
                  + win
                  + "', 25, 8.3, 27, 7.9), ("
                  + red
                  + ", 'simple', '"
                  + draw
                  + "', 27, 7.9, 26.5, 7.5)");
      // red and blue rated far apart, green unrated
      c.createStatement()
          .execute(
              "insert into ratings (bot_id, game_type, mu, sigma) values ("
                  + red
                  + ", 'simple', 35, 1), ("
                  + blue
                  + ", 'simple', 20, 1)");
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  UUID match(
      Connection c,
      long arena,
      String a,
      String resultA,
      String b,
      String resultB,
      String end,
      String day)
      throws Exception {
    UUID id = UUID.randomUUID();
    c.createStatement()
        .execute(
            "insert into matches (id, arena_id, game_type, config, seed, state, created_at,"
                + " started_at, ended_at, end_state, end_reason, steps) values ('"
                + id
                + "', "
                + arena
                + ", 'simple', '{}', 1,"
                + " 'FINISHED', '"
                + day
                + "T12:00:00Z', '"
                + day
                + "T12:00:00Z', '"
                + day
                + "T12:00:03.5Z', '"
                + end
                + "', 'normal', 7)");
    long botA = a.equals("crimson") ? red : id(c, "select id from bots where name = '" + a + "'");
    long botB = id(c, "select id from bots where name = '" + b + "'");
    c.createStatement()
        .execute(
            "insert into match_players (match_id, spot, bot_id, bot_name, result, score) values"
                + " ('"
                + id
                + "', 0, "
                + botA
                + ", '"
                + a
                + "', '"
                + resultA
                + "', 1), ('"
                + id
                + "', 1, "
                + botB
                + ", '"
                + b
                + "', '"
                + resultB
                + "', 0)");
    return id;
  }

  @Test
  void historyFiltersAndHidesDebugGames() {
    assertEquals(3, db.tx(() -> history.count(MatchFilter.none())));
    List<MatchSummary> all = db.tx(() -> history.matches(MatchFilter.none(), 0, 10));
    assertEquals(3, all.size());
    assertTrue(
        all.stream().noneMatch(m -> m.id().equals(debug.toString())), "debug games are private");
    assertEquals(2, db.tx(() -> history.matches(MatchFilter.none(), 1, 10)).size());
    assertEquals(
        1, db.tx(() -> history.count(new MatchFilter("CRIM", null, null, null, null, null, null))));
    assertEquals(
        2, db.tx(() -> history.count(new MatchFilter(null, red, null, "WIN", null, null, null))));
    assertEquals(
        2,
        db.tx(
            () ->
                history.count(
                    new MatchFilter(
                        null,
                        null,
                        "simple",
                        null,
                        null,
                        LocalDate.parse("2026-02-01"),
                        LocalDate.parse("2026-02-11")))));
    assertEquals(
        0,
        db.tx(() -> history.count(new MatchFilter("%", null, null, null, null, null, null))),
        "a wildcard typed is a character, not a pattern");
  }

  @Test
  void aMatchPageHasPlayersEndAndDurationAndItsReplay() {
    MatchSummary m = db.tx(() -> history.match(win)).orElseThrow();
    assertEquals("WIN", m.endState());
    assertEquals("3.5 s", m.getDurationText());
    assertEquals(
        List.of("crimson", "blue"), m.players().stream().map(MatchSummary.Player::name).toList());
    assertEquals("win", m.players().get(0).result());
    assertTrue(m.replay());
    assertArrayEquals(
        new byte[] {1, 2, 3}, db.tx(() -> replays.replayFor(win, null)).orElseThrow());
    assertTrue(db.tx(() -> history.match(debug)).isEmpty());
    assertTrue(db.tx(() -> history.match(debug, null)).isEmpty(), "nobody signed in");
    assertTrue(db.tx(() -> history.match(debug, "stranger")).isEmpty(), "another team");
    assertEquals(
        debug.toString(),
        db.tx(() -> history.match(debug, "MATE")).orElseThrow().id(),
        "the owner's team mate (names match case-insensitively)");
    assertEquals(win.toString(), db.tx(() -> history.match(win, "stranger")).orElseThrow().id());
    assertTrue(db.tx(() -> replays.replayFor(debug, null)).isEmpty());
  }

  @Test
  void botStatsPerNameHeadToHeadAndRatingHistory() {
    List<BotStats.NameResults> names = db.tx(() -> stats.resultsPerName(red));
    assertEquals("crimson", names.get(0).name());
    assertEquals(1, names.get(0).wins());
    assertEquals("red", names.get(1).name());
    assertEquals(2, names.get(1).games(), "the debug game does not count");
    List<BotStats.HeadToHead> h2h = db.tx(() -> stats.headToHead(red));
    assertEquals("blue", h2h.get(0).opponent());
    assertEquals(2, h2h.get(0).games());
    assertEquals(1, h2h.get(0).wins());
    assertEquals(1, h2h.get(0).draws());
    assertEquals("simple", h2h.get(0).gameType());
    // OpenSkill's predict_win: Phi(15 / sqrt(2 * (25/6)^2 + 1 + 1)) = Phi(2.4753)
    assertEquals(0.99334, h2h.get(0).winProbability(), 1e-5);
    // 1.96^2 * 0.99334 * 0.00666 / 0.49334^2 = 0.10: the two games played tell them apart
    assertEquals(0, h2h.get(0).moreGames());
    assertEquals(1, h2h.get(1).games());
    assertEquals(null, h2h.get(1).winProbability(), "green has no rating");
    assertEquals(null, h2h.get(1).moreGames());
    List<BotStats.HistoryPoint> points = db.tx(() -> stats.ratingHistory(red, "simple", 0, 10));
    assertEquals(List.of(26.5, 27.0), points.stream().map(BotStats.HistoryPoint::mu).toList());
    assertEquals(draw.toString(), points.get(0).matchId(), "newest first, with its match");
    assertEquals(
        List.of(27.0),
        db.tx(() -> stats.ratingHistory(red, "simple", 1, 1)).stream()
            .map(BotStats.HistoryPoint::mu)
            .toList(),
        "the second page of one");
    assertTrue(db.tx(() -> stats.ratingHistory(red, "rps", 0, 10)).isEmpty());
    assertEquals("red", db.tx(() -> stats.profile(red)).orElseThrow().name());
  }
}

package org.botarena.arena.matchmaking;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.botarena.arena.matches.TestMatches;
import org.botarena.arena.messaging.Messaging;
import org.botarena.arena.testing.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A pass over one training arena, on a real PostgreSQL database: it pairs the bots that want its
 * game, with one game slot per bot and with two.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MatchmakingPassTest {

  private static final Map<String, String> OPERATOR =
      Map.ofEntries(
          Map.entry("arena.matchmaking.interval-ms", "1000"),
          Map.entry("arena.matchmaking.threshold", "0.2"),
          Map.entry("arena.matchmaking.waiting-bonus-per-minute", "0.1"),
          Map.entry("arena.matchmaking.strategy", "best-set"),
          Map.entry("arena.matchmaking.keep-waiting-share", "0"),
          Map.entry("arena.matchmaking.keep-waiting-passes", "1"),
          Map.entry("arena.matchmaking.cool-down-games", "0"),
          Map.entry("arena.matchmaking.cool-down-seconds", "0"),
          Map.entry("arena.matchmaking.house-fill.bots", "none"),
          Map.entry("arena.matchmaking.house-fill.min-online", "4"),
          Map.entry("arena.matchmaking.house-fill.after-seconds", "5"));

  ServiceDatabase db;
  MatchmakingPass pass = new MatchmakingPass();
  final List<UUID> scheduled = new ArrayList<>();
  long team;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_matchmaking");
    pass.em = db.em;
    pass.houseBots = TestMatchmaking.roster(db.em);
    pass.timeWeightFunction = "constant";
    pass.timeWeightRate = 0;
    pass.booking =
        TestMatches.booking(
            db.em,
            new Messaging() {
              @Override
              public void scheduleMatch(UUID matchId) {
                scheduled.add(matchId);
              }
            });
    try (Connection c = db.jdbc()) {
      team = id(c, "insert into teams (name) values ('mm') returning id");
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  @Test
  void eachArenaPairsOnlyTheBotsThatWantItsGame() throws Exception {
    slots(1);
    long simple = db.tx(() -> pass.trainingArena("simple"));
    long rps = db.tx(() -> pass.trainingArena("rps"));
    // the two that waited longest make simple's pair; the bot that takes any game is left for rps
    long a = queued("s-one", "'{simple}'", 60);
    long b = queued("s-two", "'{simple}'", 60);
    long c = queued("r-one", "'{rps}'");
    long d = queued("any-one", "null");

    assertEquals(1, pass(simple, "simple"), "one pair among the three that want simple");
    assertEquals(List.of(), games(c, "simple"), "the rps bot is not in simple's arena");
    assertEquals(1, pass(rps, "rps"), "the rps bot and the one left waiting");
    assertEquals(List.of("rps"), games(c, "rps"));
    assertEquals(
        4, count("state = 'PLAYING' and bot_id in (" + a + "," + b + "," + c + "," + d + ")"));
  }

  @Test
  void withTwoSlotsABotPlaysInTwoArenasAtOnce() throws Exception {
    slots(2);
    long simple = db.tx(() -> pass.trainingArena("simple"));
    long rps = db.tx(() -> pass.trainingArena("rps"));
    long duo = queued("duo", "'{simple,rps}'");
    queued("s-three", "'{simple}'");
    queued("r-three", "'{rps}'");
    assertEquals(1, pass(simple, "simple"));
    assertEquals(1, count("state = 'QUEUED' and bot_id = " + duo), "a slot is left");
    assertEquals(1, pass(rps, "rps"));
    assertEquals(1, count("state = 'PLAYING' and bot_id = " + duo), "both slots taken");
  }

  /** Game slots per bot, for the pass and for its booking's session registry alike. */
  private void slots(int n) {
    pass.parallelGames = n;
    pass.booking =
        TestMatches.booking(
            db.em,
            new Messaging() {
              @Override
              public void scheduleMatch(UUID matchId) {
                scheduled.add(matchId);
              }
            },
            org.botarena.arena.sessions.TestSessions.registry(db.em, n));
  }

  @org.junit.jupiter.api.BeforeEach
  void noSessions() throws Exception {
    try (Connection c = db.jdbc()) {
      c.createStatement().execute("delete from bot_sessions");
    }
  }

  private int pass(long arena, String game) {
    return db.tx(
        () ->
            pass.run(
                arena, game, "{}", TrainingSettings.of(game, Map.of(), OPERATOR::get), List.of()));
  }

  private long queued(String name, String games) throws Exception {
    return queued(name, games, 0);
  }

  /** A bot waiting for {@code secondsAgo} for games of {@code games} (SQL: an array or null). */
  private long queued(String name, String games, int secondsAgo) throws Exception {
    try (Connection c = db.jdbc()) {
      long bot =
          id(
              c,
              "insert into bots (team_id, name) values ("
                  + team
                  + ", '"
                  + name
                  + "') returning id");
      c.createStatement()
          .execute(
              "insert into bot_sessions (id, bot_id, instance, state, wants_games, waiting_since,"
                  + " games) values ('"
                  + UUID.randomUUID()
                  + "', "
                  + bot
                  + ", 'i1', 'QUEUED', true, now() - make_interval(secs => "
                  + secondsAgo
                  + "), "
                  + games
                  + ")");
      return bot;
    }
  }

  private List<String> games(long bot, String game) throws Exception {
    List<String> found = new ArrayList<>();
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select m.game_type from matches m join match_players p on p.match_id = m.id"
                        + " where p.bot_id = "
                        + bot
                        + " and m.game_type = '"
                        + game
                        + "'")) {
      while (rs.next()) {
        found.add(rs.getString(1));
      }
    }
    return found;
  }

  private int count(String where) throws Exception {
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement().executeQuery("select count(*) from bot_sessions where " + where)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

package org.botarena.arena.matchmaking;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
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
    pass.trainingGames = TestMatchmaking.trainingGames("simple,rps");
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
  void aPassSaysHowManyBotsItLeftWaiting() throws Exception {
    slots(1);
    long simple = db.tx(() -> pass.trainingArena("simple"));
    TrainingSettings settings = TrainingSettings.of("simple", Map.of(), OPERATOR::get);
    assertEquals(
        new MatchmakingPass.Outcome(0, 0, 0),
        db.tx(() -> pass.run(simple, "simple", "{}", settings, List.of())),
        "nobody waits");
    queued("left-a", "'{simple}'");
    queued("left-b", "'{simple}'");
    queued("left-c", "'{simple}'");
    assertEquals(
        new MatchmakingPass.Outcome(1, 1, 0),
        db.tx(() -> pass.run(simple, "simple", "{}", settings, List.of())),
        "one pair, and one bot left for the next pass");
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

  @Test
  void aBotWithTwoSlotsKeepsOneForItsOtherGameWhileThatGameHasSomeoneToPlay() throws Exception {
    slots(2);
    long simple = db.tx(() -> pass.trainingArena("simple"));
    long rps = db.tx(() -> pass.trainingArena("rps"));
    long duo = queued("spread-duo", "'{simple,rps}'", 60);
    long rpsA = queued("spread-r-a", "'{rps}'", 60);
    long rpsB = queued("spread-r-b", "'{rps}'");
    long simpleA = queued("spread-s-a", "'{simple}'");
    long simpleB = queued("spread-s-b", "'{simple}'");
    playing(rps, "rps", duo, rpsA);
    playing(simple, "simple", simpleA, simpleB);
    notReady(rpsA, simpleB); // their free slots take no part

    // simple has bots to play: duo's free slot is kept for simple, not given to rps-b
    assertEquals(0, pass(rps, "rps"), "no second rps game for duo");
    assertEquals(1, pass(simple, "simple"));
    assertEquals(Set.of(duo, simpleA), pairOf(duo), "duo's other slot plays simple");
    assertEquals(1, count("state = 'PLAYING' and bot_id = " + duo), "both slots taken");

    // nobody else wants simple: the free slot plays rps rather than idle
    emptyQueue();
    long solo = queued("spread-solo", "'{simple,rps}'", 60);
    long rpsC = queued("spread-r-c", "'{rps}'", 60);
    long rpsD = queued("spread-r-d", "'{rps}'");
    playing(rps, "rps", solo, rpsC);
    notReady(rpsC);
    assertEquals(1, pass(rps, "rps"));
    assertEquals(Set.of(solo, rpsD), pairOf(rpsD), "a second rps game: simple has nobody");
  }

  /** The bots said they are not ready (IDLE: online, not waiting). */
  private void notReady(long... bots) throws Exception {
    try (Connection c = db.jdbc()) {
      for (long bot : bots) {
        c.createStatement()
            .execute(
                "update bot_sessions set state = 'IDLE', waiting_since = null where bot_id = "
                    + bot);
      }
    }
  }

  /** A running game of {@code x} and {@code y} in {@code arena}, booked as the pass books. */
  private void playing(long arena, String game, long x, long y) throws Exception {
    UUID match = UUID.randomUUID();
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into matches (id, arena_id, game_type, config, seed, state) values ('"
                  + match
                  + "', "
                  + arena
                  + ", '"
                  + game
                  + "', '{}', 1, 'RUNNING')");
      int spot = 0;
      for (long bot : new long[] {x, y}) {
        c.createStatement()
            .execute(
                "insert into match_players (match_id, spot, bot_id, bot_name) values ('"
                    + match
                    + "', "
                    + spot++
                    + ", "
                    + bot
                    + ", 'n')");
      }
    }
    db.tx(
        () -> {
          org.botarena.arena.sessions.TestSessions.registry(db.em, 2).booked(List.of(x, y));
          return null;
        });
  }

  @Test
  void twoBotsMeetAgainOnlyAfterEachPlayedTheCoolDownsGamesWithOthers() throws Exception {
    slots(1);
    long simple = db.tx(() -> pass.trainingArena("simple"));
    Map<String, String> oneGame = Map.of("cool-down-games", "1");
    // a and b waited longest, so without the cool-down they are the pair
    long a = queued("cd-a", "null", 60);
    long b = queued("cd-b", "null", 60);
    long c = queued("cd-c", "null");
    met(simple, a, b, 30);
    assertEquals(1, pass(simple, "simple", Map.of("cool-down-games", "0")));
    assertEquals(Set.of(a, b), pairOf(a), "no cool-down: the two that waited longest");

    emptyQueue();
    long d = queued("cd-d", "null", 60);
    long e = queued("cd-e", "null", 60);
    long f = queued("cd-f", "null");
    met(simple, d, e, 30);
    assertEquals(1, pass(simple, "simple", oneGame));
    assertNotEquals(Set.of(d, e), pairOf(d), "d and e just met");
    assertEquals(2, pairOf(f).size(), "f plays one of them");

    // g played another game since it met h, but h did not: still cooling
    emptyQueue();
    long g = queued("cd-g", "null", 60);
    long h = queued("cd-h", "null", 60);
    long i = queued("cd-i", "null");
    met(simple, g, h, 30);
    met(simple, g, queued("cd-x", "'{rps}'"), 20);
    assertEquals(1, pass(simple, "simple", oneGame));
    assertNotEquals(Set.of(g, h), pairOf(g), "h has played nothing since they met");
    assertEquals(2, pairOf(i).size(), "i plays g or h");

    // both played another game since: they may meet again
    emptyQueue();
    long k = queued("cd-k", "null", 60);
    long l = queued("cd-l", "null", 60);
    queued("cd-m", "null");
    met(simple, k, l, 30);
    met(simple, k, queued("cd-y", "'{rps}'"), 20);
    met(simple, l, queued("cd-z", "'{rps}'"), 10);
    assertEquals(1, pass(simple, "simple", oneGame));
    assertEquals(Set.of(k, l), pairOf(k), "each played one other game since they met");
  }

  private void emptyQueue() throws Exception {
    try (Connection c = db.jdbc()) {
      c.createStatement().execute("delete from bot_sessions");
    }
  }

  /** A finished game of {@code x} and {@code y} in {@code arena}, {@code secondsAgo}. */
  private void met(long arena, long x, long y, int secondsAgo) throws Exception {
    UUID match = UUID.randomUUID();
    String at = "now() - make_interval(secs => " + secondsAgo + ")";
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into matches (id, arena_id, game_type, config, seed, state, created_at)"
                  + " values ('"
                  + match
                  + "', "
                  + arena
                  + ", 'simple', '{}', 1, 'FINISHED', "
                  + at
                  + ")");
      int spot = 0;
      for (long bot : new long[] {x, y}) {
        c.createStatement()
            .execute(
                "insert into match_players (match_id, spot, bot_id, bot_name, created_at) values"
                    + " ('"
                    + match
                    + "', "
                    + spot++
                    + ", "
                    + bot
                    + ", 'n', "
                    + at
                    + ")");
      }
    }
  }

  /** The bots of {@code bot}'s queued match (the one the pass booked). */
  private Set<Long> pairOf(long bot) throws Exception {
    Set<Long> pair = new java.util.HashSet<>();
    try (Connection c = db.jdbc();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select o.bot_id from match_players p join matches m on m.id = p.match_id"
                        + " join match_players o on o.match_id = m.id where m.state = 'QUEUED'"
                        + " and p.bot_id = "
                        + bot)) {
      while (rs.next()) {
        pair.add(rs.getLong(1));
      }
    }
    return pair;
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
    return pass(arena, game, Map.of());
  }

  /** A pass with the arena's own settings {@code own} over the operator's. */
  private int pass(long arena, String game, Map<String, String> own) {
    return db.tx(
        () ->
            pass.run(arena, game, "{}", TrainingSettings.of(game, own, OPERATOR::get), List.of())
                .scheduled());
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

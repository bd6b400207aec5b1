package org.botarena.arena.debug;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.bots.BotDirectory;
import org.botarena.arena.bots.TestBots;
import org.botarena.arena.bots.TokenRevoked;
import org.botarena.arena.matches.TestMatches;
import org.botarena.arena.matchmaking.TestMatchmaking;
import org.botarena.arena.messaging.Messaging;
import org.botarena.arena.testing.FiredEvents;
import org.botarena.arena.testing.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Debug arenas against a real PostgreSQL database: who may open them, configs, tokens, starting
 * games.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DebugArenaServiceTest {

  ServiceDatabase db;
  DebugArenaService debug = new DebugArenaService();
  FiredEvents<TokenRevoked> revoked = new FiredEvents<>();
  BotDirectory directory;

  /** The match queue's side of starting a game (the system tests send it through a real broker). */
  final List<UUID> scheduled = new ArrayList<>();

  Caller alice;
  Caller bob;
  Caller carol;
  long teamBot;
  long trainingBot;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_debug");
    debug.em = db.em;
    debug.revoked = revoked;
    debug.houses = TestMatchmaking.roster(db.em);
    debug.booking =
        TestMatches.booking(
            db.em,
            new Messaging() {
              @Override
              public void scheduleMatch(UUID matchId) {
                scheduled.add(matchId);
              }
            });
    directory = TestBots.botDirectory(db.em);
    debug.maxRunningPerUser = 3;
    try (Connection c = db.jdbc()) {
      long red = id(c, "insert into teams (name) values ('red') returning id");
      long blue = id(c, "insert into teams (name) values ('blue') returning id");
      alice =
          new Caller(
              id(
                  c,
                  "insert into users (username, password_hash, role, team_id) values ('alice', 'x',"
                      + " 'USER', "
                      + red
                      + ") returning id"),
              "alice",
              false,
              red);
      bob =
          new Caller(
              id(
                  c,
                  "insert into users (username, password_hash, role, team_id) values ('bob', 'x',"
                      + " 'USER', "
                      + red
                      + ") returning id"),
              "bob",
              false,
              red);
      carol =
          new Caller(
              id(
                  c,
                  "insert into users (username, password_hash, role, team_id) values ('carol', 'x',"
                      + " 'USER', "
                      + blue
                      + ") returning id"),
              "carol",
              false,
              blue);
      teamBot =
          id(c, "insert into bots (team_id, name) values (" + red + ", 'red-one') returning id");
      trainingBot =
          id(c, "insert into bots (team_id, name) values (" + blue + ", 'blue-one') returning id");
      // red-one is in a training game, blue-one waits for its next one
      c.createStatement()
          .execute(
              "insert into bot_sessions (id, bot_id, instance, state, wants_games) values ('"
                  + UUID.randomUUID()
                  + "', "
                  + teamBot
                  + ", 'i1', 'PLAYING', true), ('"
                  + UUID.randomUUID()
                  + "', "
                  + trainingBot
                  + ", 'i2', 'QUEUED', true)");
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  @Test
  void eachUserHasOneArenaWhichTheirTeamOpensAndNobodyElse() {
    long own = db.tx(() -> debug.own(alice)).id();
    assertEquals(own, db.tx(() -> debug.own(alice)).id(), "one per user");
    List<Long> bobs =
        db.tx(() -> debug.teamArenas(bob)).stream().map(DebugArenaService.DebugArena::id).toList();
    assertEquals(2, bobs.size(), "bob's own and alice's");
    assertTrue(bobs.contains(own));
    assertThrows(AccessDenied.class, () -> db.tx(() -> debug.arena(carol, own)));
    assertThrows(
        AccessDenied.class,
        () -> db.tx(() -> debug.start(carol, own, List.of("house:random", "house:random"), false)));
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> debug.own(new Caller(99, "loner", false, null))),
        "a user without a team has no debug arena");
  }

  @Test
  void aConfigIsCheckedByTheGameAndTheBadOneSaysWhy() {
    long arena = db.tx(() -> debug.own(bob)).id();
    assertTrue(refusal(arena, "chess", "{}").contains("No game 'chess'"));
    assertTrue(refusal(arena, "simple", "{\"target\": 10,").contains("not JSON"));
    assertTrue(refusal(arena, "simple", "[1]").contains("JSON object"));
    assertTrue(refusal(arena, "simple", "{\"colour\": 1}").contains("unknown config key 'colour'"));
    assertTrue(
        refusal(arena, "simple", "{\"deadline_ms\": \"soon\"}")
            .contains("'deadline_ms' must be a whole number"));
    assertTrue(
        refusal(arena, "simple", "{\"start_paused\": true}").contains("when a game is started"));
    // the hostile config: 10-minute deadlines, 1000 timeouts allowed, a hundred million
    // steps
    assertTrue(
        refusal(arena, "hockey", "{\"deadline_ms\": 600000}")
            .contains("'deadline_ms' must be a whole number from 1 to 60000"));
    assertTrue(
        refusal(arena, "hockey", "{\"max_timeouts\": 1000}")
            .contains("'max_timeouts' must be a whole number from 1 to 20"));
    assertTrue(
        refusal(arena, "hockey", "{\"max_steps\": 100000000, \"rounds\": 1000}")
            .contains("max_steps must be an integer in 1..1000"));
    assertTrue(
        refusal(arena, "hockey", "{\"rounds\": 1000}")
            .contains("rounds must be an integer in 1..20"));
    assertEquals("simple", db.tx(() -> debug.arena(bob, arena)).gameType(), "nothing was saved");
    DebugArenaService.DebugArena saved =
        db.tx(() -> debug.configure(bob, arena, "connect4", "{\"deadline_ms\": 9000}"));
    assertEquals("connect4", saved.gameType());
    assertEquals(9000, org.botarena.protocol.Json.parse(saved.config()).get("deadline_ms").asInt());
  }

  private String refusal(long arena, String game, String config) {
    return assertThrows(
            AccountException.class, () -> db.tx(() -> debug.configure(bob, arena, game, config)))
        .getMessage();
  }

  @Test
  void spotTokensNameTheirSpotAndNewOnesEndTheOld() {
    long arena = db.tx(() -> debug.own(alice)).id();
    List<DebugArenaService.SpotToken> first = db.tx(() -> debug.newTokens(alice, arena));
    assertEquals(2, first.size(), "simple has two spots");
    assertEquals(
        "alice/spot1",
        db.tx(() -> directory.authenticate(first.get(1).token())).orElseThrow().name());
    List<DebugArenaService.SpotToken> second =
        db.tx(() -> debug.newTokens(bob, arena)); // a team mate may
    assertTrue(
        db.tx(() -> directory.authenticate(first.get(0).token())).isEmpty(),
        "the old token is dead");
    assertEquals(
        "alice/spot0",
        db.tx(() -> directory.authenticate(second.get(0).token())).orElseThrow().name());
    List<Long> spots = db.tx(() -> debug.spotBots(alice, arena));
    assertEquals(2, spots.size(), "the same stand-ins, new tokens");
    assertTrue(
        revoked.fired.stream().map(TokenRevoked::botId).toList().containsAll(spots),
        "connections of the old tokens are cut off after the commit");
  }

  @Test
  void anotherTeamsBotIsSeatedOnlyIfItsTeamOffersItAndNeverDuringATournamentGame()
      throws Exception {
    long arena = db.tx(() -> debug.own(carol)).id();
    db.tx(() -> debug.newTokens(carol, arena));
    try (Connection c = db.jdbc()) {
      c.createStatement().execute("update bots set debug_opponent = false where id = " + teamBot);
    }
    List<String> choices =
        db.tx(() -> debug.choices(carol, arena)).stream()
            .map(DebugArenaService.Choice::value)
            .toList();
    assertTrue(choices.contains("bot:" + trainingBot), "carol's team's own bot");
    assertTrue(!choices.contains("bot:" + teamBot), "red's bot is not offered: " + choices);
    String refused =
        assertThrows(
                AccountException.class,
                () ->
                    db.tx(
                        () ->
                            debug.start(
                                carol, arena, List.of("house:greedy", "bot:" + teamBot), false)))
            .getMessage();
    assertTrue(refused.contains("does not offer it"), refused);

    try (Connection c = db.jdbc()) {
      c.createStatement().execute("update bots set debug_opponent = true where id = " + teamBot);
      // red-one is now in a running tournament game
      long cupArena =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TOURNAMENT', 'cup', 'simple')"
                  + " returning id");
      long tournament =
          id(
              c,
              "insert into tournaments (arena_id, name, game_type, format, seed) values ("
                  + cupArena
                  + ", 'cup', 'simple', 'EXHAUSTIVE', 1) returning id");
      UUID match = UUID.randomUUID();
      c.createStatement()
          .execute(
              "insert into matches (id, arena_id, game_type, config, seed, state) values ('"
                  + match
                  + "', "
                  + cupArena
                  + ", 'simple', '{}', 1, 'RUNNING')");
      c.createStatement()
          .execute(
              "insert into match_players (match_id, spot, bot_id, bot_name) values ('"
                  + match
                  + "', 0, "
                  + teamBot
                  + ", 'red-one'), ('"
                  + match
                  + "', 1, "
                  + trainingBot
                  + ", 'blue-one')");
      c.createStatement()
          .execute(
              "insert into tournament_games (tournament_id, round, level, group_no, bot_a, bot_b,"
                  + " match_id) values ("
                  + tournament
                  + ", 1, 1, 1, "
                  + teamBot
                  + ", "
                  + trainingBot
                  + ", '"
                  + match
                  + "')");
      choices =
          db.tx(() -> debug.choices(carol, arena)).stream()
              .map(DebugArenaService.Choice::value)
              .toList();
      assertTrue(
          !choices.contains("bot:" + teamBot), "not while it plays a tournament game: " + choices);
      assertThrows(
          AccountException.class,
          () ->
              db.tx(
                  () ->
                      debug.start(carol, arena, List.of("house:greedy", "bot:" + teamBot), false)));
      c.createStatement()
          .execute("update matches set state = 'FINISHED' where id = '" + match + "'");
    }
    choices =
        db.tx(() -> debug.choices(carol, arena)).stream()
            .map(DebugArenaService.Choice::value)
            .toList();
    assertTrue(choices.contains("bot:" + teamBot), "offered, and its tournament game is over");
  }

  @Test
  void aGameStartsWithConnectedPlayersOnlyAndLeavesTheirSessionsAlone() throws Exception {
    long arena = db.tx(() -> debug.own(carol)).id();
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute("update bots set debug_opponent = true where id = " + teamBot); // red offers it
    }
    db.tx(() -> debug.newTokens(carol, arena));
    String refused =
        assertThrows(
                AccountException.class,
                () ->
                    db.tx(() -> debug.start(carol, arena, List.of("spot:0", "house:greedy"), true)))
            .getMessage();
    assertTrue(refused.startsWith("Spot 0: carol/spot0 is not connected"), refused);
    List<String> choices =
        db.tx(() -> debug.choices(carol, arena)).stream()
            .map(DebugArenaService.Choice::value)
            .toList();
    assertTrue(
        choices.containsAll(
            List.of("spot:0", "spot:1", "bot:" + trainingBot, "bot:" + teamBot, "house:greedy")),
        choices.toString());
    assertEquals(
        List.of("spot:0", "spot:1"), choices.stream().filter(c -> c.startsWith("spot:")).toList());
    assertEquals("bot:" + trainingBot, choices.get(2), "the team's own bots come first");

    long spotBot = db.tx(() -> debug.spotBots(carol, arena)).get(0);
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into bot_sessions (id, bot_id, instance, state) values ('"
                  + UUID.randomUUID()
                  + "', "
                  + spotBot
                  + ", 'i1', 'IDLE')");
    }
    UUID game = db.tx(() -> debug.start(carol, arena, List.of("spot:0", "bot:" + teamBot), true));
    assertEquals(List.of(game), scheduled.subList(scheduled.size() - 1, scheduled.size()));
    try (Connection c = db.jdbc()) {
      ResultSet m =
          c.createStatement()
              .executeQuery(
                  "select m.state, m.config::text, a.kind, (select string_agg(p.bot_name || '@' ||"
                      + " coalesce(p.gateway, '-'), ',' order by p.spot) from match_players p where"
                      + " p.match_id = m.id) from matches m join arenas a on a.id = m.arena_id"
                      + " where m.id = '"
                      + game
                      + "'");
      assertTrue(m.next());
      assertEquals("QUEUED", m.getString(1));
      assertTrue(m.getString(2).contains("\"start_paused\": true"), m.getString(2));
      assertEquals("DEBUG", m.getString(3));
      assertEquals("carol/spot0@i1,red-one@i1", m.getString(4));
      ResultSet s =
          c.createStatement()
              .executeQuery("select state from bot_sessions where bot_id = " + teamBot);
      assertTrue(s.next());
      assertEquals("PLAYING", s.getString(1), "its training game goes on as it was");
    }
    assertEquals("QUEUED", db.tx(() -> debug.games(carol, arena)).get(0).state());

    // a house bot's row is made on first use (its team too), then found again
    for (int i = 0; i < 2; i++) {
      UUID house = db.tx(() -> debug.start(carol, arena, List.of("house:greedy", "spot:0"), false));
      try (Connection c = db.jdbc()) {
        ResultSet p =
            c.createStatement()
                .executeQuery(
                    "select bot_name from match_players where match_id = '"
                        + house
                        + "' and spot = 0");
        assertTrue(p.next());
        assertEquals("house-greedy", p.getString(1));
      }
    }
    assertThrows(
        AccountException.class,
        () -> db.tx(() -> debug.start(carol, arena, List.of("house:tactical", "spot:0"), false)),
        "simple has no such house bot");
  }

  /**
   * Before: the cap counted the games of one arena, so a user could run 3 in each team mate's arena
   * (and a team mate's games in it counted against its owner). Now it counts who started them.
   */
  @Test
  void aUserRunsAtMostTheCapOfDebugGamesInAllArenasTogether() throws Exception {
    Caller dan;
    Caller erin;
    try (Connection c = db.jdbc()) {
      long red = id(c, "select id from teams where name = 'red'");
      dan =
          new Caller(
              id(
                  c,
                  "insert into users (username, password_hash, role, team_id) values ('dan', 'x',"
                      + " 'USER', "
                      + red
                      + ") returning id"),
              "dan",
              false,
              red);
      erin =
          new Caller(
              id(
                  c,
                  "insert into users (username, password_hash, role, team_id) values ('erin', 'x',"
                      + " 'USER', "
                      + red
                      + ") returning id"),
              "erin",
              false,
              red);
    }
    long dans = db.tx(() -> debug.own(dan)).id();
    long erins = db.tx(() -> debug.own(erin)).id();
    List<String> houses = List.of("house:greedy", "house:random");
    List<UUID> games = new ArrayList<>();
    games.add(db.tx(() -> debug.start(dan, dans, houses, false)));
    games.add(db.tx(() -> debug.start(dan, erins, houses, false)));
    games.add(db.tx(() -> debug.start(dan, erins, houses, false)));
    String refused =
        assertThrows(
                AccountException.class,
                () -> db.tx(() -> debug.start(dan, dans, houses, false)),
                "dan's games in erin's arena count for dan")
            .getMessage();
    assertTrue(refused.contains("You already have 3 debug games running (at most 3"), refused);
    assertThrows(AccountException.class, () -> db.tx(() -> debug.start(dan, erins, houses, false)));
    assertEquals(1, db.tx(() -> debug.games(dan, dans)).size(), "nothing more was queued");

    for (int i = 0; i < 3; i++) {
      db.tx(
          () ->
              debug.start(
                  erin, erins, houses, false)); // erin's arena holds dan's two: erin has her own 3
    }
    assertThrows(AccountException.class, () -> db.tx(() -> debug.start(erin, dans, houses, false)));
    assertEquals(5, db.tx(() -> debug.games(erin, erins)).size());

    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute("update matches set state = 'RUNNING' where id = '" + games.get(0) + "'");
      c.createStatement()
          .execute("update matches set state = 'FINISHED' where id = '" + games.get(1) + "'");
    }
    db.tx(() -> debug.start(dan, dans, houses, false)); // one ended: room for one more
    assertThrows(AccountException.class, () -> db.tx(() -> debug.start(dan, erins, houses, false)));
  }
}

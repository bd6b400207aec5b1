package org.botarena.arena.evaluations;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.bots.TestBots;
import org.botarena.arena.matches.TestMatches;
import org.botarena.arena.matchmaking.TestMatchmaking;
import org.botarena.arena.messaging.Messaging;
import org.botarena.arena.sessions.TestSessions;
import org.botarena.arena.testing.ServiceDatabase;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Evaluations on a real PostgreSQL database: the request's rules and its suite, the leader's
 * booking (seeds, seats, one game open, waiting for free bots), the results and the comparison with
 * the previous name.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class EvaluationsTest {

  ServiceDatabase db;
  final EvaluationService service = new EvaluationService();
  final EvaluationScheduler scheduler = new EvaluationScheduler();
  final EvaluationResults results = new EvaluationResults();
  final List<UUID> scheduled = new ArrayList<>();

  Caller alice;
  long red;
  long candidate;
  long champ;
  long loner;
  long redWinner;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_evaluations");
    var sessions = TestSessions.registry(db.em, 1);
    service.em = db.em;
    service.houseBots = TestMatchmaking.roster(db.em);
    service.trainingGames = TestMatchmaking.trainingGames("simple,rps");
    service.sessions = sessions;
    service.bots = TestBots.botService(db.em, null);
    scheduler.em = db.em;
    scheduler.pass = TestMatchmaking.arenas(db.em);
    scheduler.booking =
        TestMatches.booking(
            db.em,
            new Messaging() {
              @Override
              public void scheduleMatch(UUID matchId) {
                scheduled.add(matchId);
              }
            },
            sessions);
    results.em = db.em;
    try (Connection c = db.jdbc()) {
      red = id(c, "insert into teams (name) values ('red') returning id");
      long champions = id(c, "insert into teams (name) values ('champions') returning id");
      long outsiders = id(c, "insert into teams (name) values ('outsiders') returning id");
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
      candidate = bot(c, red, "candidate");
      redWinner = bot(c, red, "red-winner");
      champ = bot(c, champions, "champ");
      loner = bot(c, outsiders, "loner");
      long arena =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TOURNAMENT', 'cup', 'simple')"
                  + " returning id");
      long cup =
          id(
              c,
              "insert into tournaments (arena_id, name, game_type, format, seed) values ("
                  + arena
                  + ", 'cup', 'simple', 'EXHAUSTIVE', 1) returning id");
      int round = 1;
      for (long winner : List.of(champ, loner, redWinner, candidate)) {
        c.createStatement()
            .execute(
                "insert into tournament_rounds (tournament_id, round, winner_bot) values ("
                    + cup
                    + ", "
                    + round++
                    + ", "
                    + winner
                    + ")");
      }
      c.createStatement()
          .execute(
              "update teams set evaluation_opponent = true where name in ('champions', 'red')");
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  private static long bot(Connection c, long team, String name) throws Exception {
    long id =
        id(
            c,
            "insert into bots (team_id, name) values (" + team + ", '" + name + "') returning id");
    c.createStatement()
        .execute("insert into bot_names (bot_id, name) values (" + id + ", '" + name + "')");
    return id;
  }

  @Test
  @Order(1)
  void aRequestOutsideTheRulesIsRefusedWithTheRule() {
    Caller bob = new Caller(alice.userId() + 100, "bob", false, red + 100);
    assertThrows(
        AccessDenied.class, () -> db.tx(() -> service.request(bob, candidate, "simple", 5)));
    assertEquals(
        "Choose one of the training games: simple, rps.",
        assertThrows(
                AccountException.class,
                () -> db.tx(() -> service.request(alice, candidate, "hockey", 5)))
            .getMessage());
    for (int n : new int[] {0, 201}) {
      assertEquals(
          "Games per opponent must be from 1 to 200, got " + n + ".",
          assertThrows(
                  AccountException.class,
                  () -> db.tx(() -> service.request(alice, candidate, "simple", n)))
              .getMessage());
    }
  }

  @Test
  @Order(1)
  void aTeamAtItsCapOfRunningEvaluationsIsRefusedUntilOneEnds() {
    service.maxRunningPerTeam = 1;
    try {
      db.tx(() -> service.request(alice, candidate, "rps", 1));
      assertEquals(
          "Your team runs 1 evaluation, the most it may at once: let one finish or cancel it"
              + " first.",
          assertThrows(
                  AccountException.class,
                  () -> db.tx(() -> service.request(alice, redWinner, "simple", 1)))
              .getMessage());
      db.run(() -> service.cancel(alice, candidate));
      long other = db.tx(() -> service.request(alice, redWinner, "simple", 1));
      db.run(() -> service.cancel(alice, redWinner));
      assertEquals("CANCELLED", db.tx(() -> results.run(other)).state());
    } finally {
      service.maxRunningPerTeam = 3;
    }
  }

  @Test
  @Order(2)
  void theSuiteIsTheHouseBotsAndTheConsentingTeamsWinnersButNotTheBotItself() throws Exception {
    long id = db.tx(() -> service.request(alice, candidate, "simple", 3));
    List<String> opponents =
        db.tx(() -> results.run(id)).lines().stream()
            .map(EvaluationResults.Line::opponent)
            .toList();
    assertEquals(4, opponents.size(), opponents.toString());
    assertEquals(List.of("house-greedy", "house-random"), opponents.subList(0, 2));
    assertEquals(
        java.util.Set.of("red-winner", "champ"), java.util.Set.copyOf(opponents.subList(2, 4)));
    assertEquals(
        "Bot candidate has an evaluation running: let it finish or cancel it first.",
        assertThrows(
                AccountException.class,
                () -> db.tx(() -> service.request(alice, candidate, "rps", 1)))
            .getMessage());
    db.run(() -> service.cancel(alice, candidate));
    assertEquals("CANCELLED", db.tx(() -> results.latest(candidate)).orElseThrow().state());
  }

  @Test
  @Order(3)
  void theLeaderBooksOneSeededGameAtATimeWhenTheBotAndItsOpponentAreFree() throws Exception {
    long id = db.tx(() -> service.request(alice, candidate, "simple", 2));
    List<Long> suite = suite(id);
    // away: nothing is booked
    db.run(() -> scheduler.advance(id));
    assertEquals(0, db.count("select count(*) from evaluation_games"));
    connect(candidate);
    java.util.Set<Long> connected = new java.util.HashSet<>();
    for (int game = 0; game < 2 * suite.size(); game++) {
      EvaluationSchedule.Game planned = EvaluationSchedule.game(id, game, suite.size());
      long opponent = suite.get(planned.opponent());
      if ((opponent == champ || opponent == redWinner) && connected.add(opponent)) {
        // a winner plays only while it waits for a game too
        db.run(() -> scheduler.advance(id));
        assertEquals(game, booked(id), "waits for " + opponent);
        connect(opponent);
      }
      db.run(() -> scheduler.advance(id));
      assertEquals(game + 1, booked(id));
      db.run(() -> scheduler.advance(id));
      assertEquals(game + 1, booked(id), "one game open at a time");
      String match =
          " from evaluation_games g join matches m on m.id = g.match_id where g.evaluation_id = "
              + id
              + " and g.game_no = "
              + game;
      assertEquals(planned.seed(), seed(id, game));
      assertEquals(
          planned.botSpot(),
          db.count(
              "select p.spot"
                  + match.replace(" where", " join match_players p on p.match_id = m.id where")
                  + " and p.bot_id = "
                  + candidate));
      assertEquals(
          1,
          db.count(
              "select count(*)"
                  + match
                  + " and m.arena_id in (select id from arenas where kind"
                  + " = 'EVALUATION') and m.state = 'QUEUED' and not m.rated"));
      finish(id, game, game % 3 == 0 ? "win" : game % 3 == 1 ? "draw" : "loss");
    }
    db.run(() -> scheduler.advance(id));
    EvaluationResults.Run run = db.tx(() -> results.run(id));
    assertEquals("FINISHED", run.state());
    assertNull(run.comparison(), "no previous name");
    int wins = 0;
    int draws = 0;
    int losses = 0;
    for (EvaluationResults.Line line : run.lines()) {
      assertEquals(2, line.booked());
      assertEquals(2, line.getPlayed());
      wins += line.wins();
      draws += line.draws();
      losses += line.losses();
    }
    assertEquals(List.of(3, 3, 2), List.of(wins, draws, losses));
    assertEquals(scheduled.size(), booked(id));
  }

  @Test
  @Order(4)
  void theNextNameIsComparedWithThePreviousNamesFinishedRunOnTheSameSuite() throws Exception {
    long before = db.tx(() -> results.latest(candidate)).orElseThrow().id();
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute("update bot_names set valid_to = now() where bot_id = " + candidate);
      c.createStatement().execute("update bots set name = 'candidate-2' where id = " + candidate);
      c.createStatement()
          .execute(
              "insert into bot_names (bot_id, name) values (" + candidate + ", 'candidate-2')");
    }
    long id = db.tx(() -> service.request(alice, candidate, "simple", 1));
    List<Long> suite = suite(id);
    for (int game = 0; game < suite.size(); game++) {
      db.run(() -> scheduler.advance(id));
      finish(id, game, "win");
    }
    db.run(() -> scheduler.advance(id));
    EvaluationResults.Run run = db.tx(() -> results.run(id));
    EvaluationResults.Run earlier = db.tx(() -> results.run(before));
    assertEquals("candidate-2", run.botName());
    EvaluationResults.Comparison comparison = run.comparison();
    assertNotNull(comparison);
    assertEquals("candidate", comparison.previousName());
    assertEquals(before, comparison.previousEvaluation());
    List<EvaluationMaths.Tally> now = new ArrayList<>();
    List<EvaluationMaths.Tally> then = new ArrayList<>();
    for (int k = 0; k < suite.size(); k++) {
      now.add(new EvaluationMaths.Tally(1, 0, 0));
      EvaluationResults.Line line = earlier.lines().get(k);
      then.add(new EvaluationMaths.Tally(line.wins(), line.draws(), line.losses()));
    }
    assertEquals(EvaluationMaths.probabilityBetter(now, then), comparison.probability(), 1e-12);
    assertTrue(comparison.probability() > 0.5, "all won now, half before");
  }

  private List<Long> suite(long id) throws Exception {
    List<Long> suite = new ArrayList<>();
    try (Connection c = db.jdbc();
        var rs =
            c.createStatement()
                .executeQuery(
                    "select bot_id from evaluation_opponents where evaluation_id = "
                        + id
                        + " order by position")) {
      while (rs.next()) {
        suite.add(rs.getLong(1));
      }
    }
    return suite;
  }

  private int booked(long id) throws Exception {
    return db.count("select count(*) from evaluation_games where evaluation_id = " + id);
  }

  private long seed(long id, int game) throws Exception {
    try (Connection c = db.jdbc()) {
      return id(
          c,
          "select m.seed from evaluation_games g join matches m on m.id = g.match_id where"
              + " g.evaluation_id = "
              + id
              + " and g.game_no = "
              + game);
    }
  }

  /** A connected bot waiting for games (or one back in the queue). */
  private void connect(long bot) throws Exception {
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into bot_sessions (id, bot_id, instance, state, wants_games) values"
                  + " (gen_random_uuid(), "
                  + bot
                  + ", 'i1', 'QUEUED', true) on conflict (bot_id) do update set state ="
                  + " 'QUEUED'");
    }
  }

  /** Ends game {@code game} with the candidate's {@code result}; its bots queue again. */
  private void finish(long id, int game, String result) throws Exception {
    String other =
        switch (result) {
          case "win" -> "loss";
          case "loss" -> "win";
          default -> "draw";
        };
    try (Connection c = db.jdbc()) {
      String match =
          "(select match_id from evaluation_games where evaluation_id = "
              + id
              + " and game_no = "
              + game
              + ")";
      c.createStatement()
          .execute(
              "update matches set state = 'FINISHED', end_state = '"
                  + (result.equals("draw") ? "DRAW" : "WIN")
                  + "', ended_at = now() where id = "
                  + match);
      c.createStatement()
          .execute(
              "update match_players set result = case when bot_id = "
                  + candidate
                  + " then '"
                  + result
                  + "' else '"
                  + other
                  + "' end where match_id = "
                  + match);
      c.createStatement().execute("update bot_sessions set state = 'QUEUED'");
    }
  }
}

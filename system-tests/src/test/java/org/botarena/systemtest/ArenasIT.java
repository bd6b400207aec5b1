package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Two training arenas side by side (issue 19): simple and rps on one instance, bots that want one
 * of them and one that wants both, each game rated into its own leaderboard; an arena's settings
 * changed through the CLI and the admin page apply without a restart; a hello that wants a game
 * without an arena is refused. Beside the training arena, a team's evaluation of its bot against
 * the house bots and a consenting team's tournament winner (issue 20), unrated, on the bot page.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ArenasIT {

  private final Stack stack = Stack.ARENAS;
  private final List<ProtocolBot> bots = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    stack.start(1);
    // action [1] is a move in both games
    join("simple-a", List.of("simple"));
    join("simple-b", List.of("simple"));
    join("rps-a", List.of("rps"));
    join("rps-b", List.of("rps"));
    join("duo", List.of("simple", "rps"));
  }

  @AfterAll
  void stop() throws Exception {
    for (ProtocolBot bot : bots) {
      bot.close();
    }
    stack.close();
  }

  private void join(String name, List<String> games) throws Exception {
    join("arenas", name, games);
  }

  private void join(String team, String name, List<String> games) throws Exception {
    ProtocolBot bot = new ProtocolBot(name, step -> Json.array().add(1));
    bots.add(bot);
    bot.connect(stack.botUrl(1), stack.addBot(team, name), games);
    bot.await("welcome", ProtocolBot.type("welcome"), 20);
  }

  @Test
  @Order(1)
  void eachArenaPlaysItsOwnGameAndRatesItIntoItsOwnLeaderboard() throws Exception {
    // the bot that wants both has played and been rated in both
    await(
        "both rated in simple and in rps",
        () -> games("duo", "simple") >= 2 && games("duo", "rps") >= 2,
        180);
    await(
        "every bot rated in its game",
        () ->
            games("simple-a", "simple") >= 1
                && games("simple-b", "simple") >= 1
                && games("rps-a", "rps") >= 1
                && games("rps-b", "rps") >= 1,
        120);
    assertEquals(0, games("simple-a", "rps"), "a simple bot never plays rps");
    assertEquals(0, games("rps-a", "simple"), "an rps bot never plays simple");

    // each arena's matches are of its game, among the bots that want it
    try (Connection db = stack.database();
        ResultSet rs =
            db.createStatement()
                .executeQuery(
                    "select a.name, m.game_type, p.bot_name, m.end_state from matches m join arenas"
                        + " a on a.id = m.arena_id join match_players p on p.match_id = m.id where"
                        + " m.state = 'FINISHED'")) {
      Set<String> seen = new HashSet<>();
      while (rs.next()) {
        String arena = rs.getString(1);
        String game = rs.getString(2);
        String bot = rs.getString(3);
        assertEquals("training-" + game, arena, "a match of its arena's game");
        assertTrue(
            bot.equals("duo") || bot.startsWith(game + "-"), bot + " wants no " + game + " game");
        assertTrue(
            rs.getString(4).equals("WIN") || rs.getString(4).equals("DRAW"),
            "played to its end (steps answered within their deadlines): " + rs.getString(4));
        seen.add(arena);
      }
      assertEquals(Set.of("training-simple", "training-rps"), seen);
    }

    // the leaderboard page has a selector and one board per game
    String rps = stack.get(1, "leaderboard.xhtml?game=rps");
    assertTrue(rps.contains("Leaderboard: rps"), rps);
    assertTrue(rps.contains("rps-a") && rps.contains("duo"), rps);
    assertFalse(rps.contains("simple-a"), "simple's bots are not on rps's board");
    assertTrue(rps.contains("game=simple"), "a link to simple's board");
    String simple = stack.get(1, "leaderboard.xhtml?game=simple");
    assertTrue(simple.contains("simple-b") && simple.contains("duo"), simple);
    assertFalse(simple.contains("rps-b"), "rps's bots are not on simple's board");
    assertTrue(stack.get(1, "leaderboard.xhtml").contains("Leaderboard: simple"), "the first");
  }

  @Test
  @Order(2)
  void aHelloThatWantsAGameWithoutAnArenaIsRefused() throws Exception {
    String token = stack.addBot("arenas", "chess-player");
    for (List<String> games : List.of(List.of("chess"), List.of("rps", "hockey"))) {
      try (ProtocolBot bot = new ProtocolBot("chess-player", step -> null)) {
        bot.connect(stack.botUrl(1), token, games);
        JsonNode error = bot.await("BAD_MESSAGE", ProtocolBot.error("BAD_MESSAGE"), 10);
        String unknown = games.get(games.size() - 1);
        assertTrue(
            error.get("message").asText().contains("'games' names " + unknown + ": no training"),
            error.toString());
        assertTrue(error.get("message").asText().contains("simple, rps"), error.toString());
        assertEquals(4002, bot.closed.get(10, TimeUnit.SECONDS), "fix the bot first");
        assertTrue(bot.all(ProtocolBot.type("welcome")).isEmpty(), "never welcomed");
      }
    }
    // a malformed list is a bad frame like any other: ignored (then no hello in time)
    try (ProtocolBot bot = new ProtocolBot("chess-player", step -> null)) {
      bot.connect(stack.botUrl(1), null);
      bot.sendText("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + token + "\",\"games\":[]}");
      JsonNode error = bot.await("BAD_MESSAGE", ProtocolBot.error("BAD_MESSAGE"), 10);
      assertTrue(error.get("message").asText().contains("non-empty list"), error.toString());
    }
  }

  @Test
  @Order(3)
  void anArenasConfigSetThroughTheCliAppliesWithoutARestart() throws Exception {
    String out = stack.run("admin", "arena", "rps", "--set", "config={\"deadline_ms\": 700}");
    assertTrue(out.contains("config                     {\"deadline_ms\": 700}"), out);
    ProtocolBot rpsBot = bots.get(2);
    int before = rpsBot.all(ProtocolBot.type("game_start")).size();
    await(
        "an rps game with the new deadline",
        () ->
            rpsBot.all(ProtocolBot.type("game_start")).stream()
                .skip(before)
                .anyMatch(s -> s.path("config").path("deadline_ms").asInt() == 700),
        60);
    // simple's arena keeps the operator's deadline
    ProtocolBot simpleBot = bots.get(0);
    int simpleBefore = simpleBot.all(ProtocolBot.type("game_start")).size();
    await(
        "another simple game",
        () -> simpleBot.all(ProtocolBot.type("game_start")).size() > simpleBefore,
        60);
    JsonNode last =
        simpleBot
            .all(ProtocolBot.type("game_start"))
            .get(simpleBot.all(ProtocolBot.type("game_start")).size() - 1);
    assertEquals(2000, last.path("config").path("deadline_ms").asInt(), last.toString());

    String bad = failingCli("admin", "arena", "rps", "--set", "threshold=2");
    assertTrue(bad.contains("'threshold' must be a number from 0 to 1, got '2'"), bad);
    assertTrue(stack.run("admin", "arenas").contains("rps (training arena"));
  }

  @Test
  @Order(4)
  void anAdminChangesAnArenaOnItsPage() throws Exception {
    stack.admin().addUser("arena-admin", "arena admin password", "ADMIN", null);
    try (Browser b = new Browser(stack.portalUrl(1))) {
      b.open("signin.xhtml");
      b.type("signin:username", "arena-admin");
      b.type("signin:password", "arena admin password");
      b.click("signin:submit");
      b.waitForText("My bots");
      b.open("admin/index.xhtml");
      b.click("admin:arenas-link");
      b.waitForText("Training arenas");
      b.click(By.linkText("simple"));
      b.waitForAttribute("arena:shown", "textContent", "simple");

      // a bad value is refused with the rule's words, and nothing is stored
      b.type("arena:settings:1:value", "2");
      b.click("arena:save");
      b.waitForText("must be a number from 0 to 1, got");
      assertEquals("{}", settings("simple"));

      b.type("arena:settings:1:value", "0.15");
      b.click("arena:save");
      b.waitForText("settings are saved");
      assertEquals("{\"threshold\": \"0.15\"}", settings("simple"));
      assertEquals("0.15", b.find("arena:settings:1:inForce").getText());

      // back to the defaults asks first
      b.click("arena:reset");
      b.click(By.cssSelector(".ui-confirmdialog-yes"));
      b.waitForText("arena is back to the defaults");
      assertEquals("{}", settings("simple"));
      assertEquals("0.2", b.find("arena:settings:1:inForce").getText());
      assertTrue(b.policyRefusals().isEmpty(), b.policyRefusals().toString());
    }
  }

  @Test
  @Order(5)
  void aTeamEvaluatesItsBotAgainstTheSuiteBesideTheTrainingArenaUnrated() throws Exception {
    // two past tournament winners of simple; only the champions' team lets theirs join suites
    join("champions", "champ", List.of("simple"));
    join("outsiders", "loner", List.of("simple"));
    join("candidate", List.of("simple"));
    long cup = stack.tournaments().create("old-cup", "simple", "exhaustive", 5, 1, "{}", 86_400);
    try (Connection db = stack.database();
        PreparedStatement won =
            db.prepareStatement(
                "insert into tournament_rounds (tournament_id, round, winner_bot) select ?, ?, id"
                    + " from bots where name = ?")) {
      int round = 1;
      for (String winner : List.of("champ", "loner")) {
        won.setLong(1, cup);
        won.setInt(2, round++);
        won.setString(3, winner);
        assertEquals(1, won.executeUpdate());
      }
    }
    stack.admin().addUser("champion", "champion password", "USER", "champions");
    stack.admin().addUser("evaluator", "evaluator password", "USER", "arenas");
    try (Browser b = new Browser(stack.portalUrl(1))) {
      signIn(b, "champion", "champion password");
      b.open("app/team.xhtml");
      b.click("evaluations:allow");
      b.waitForText("now join other teams");
    }
    long candidate = botId("candidate");
    try (Browser b = new Browser(stack.portalUrl(1))) {
      signIn(b, "evaluator", "evaluator password");
      b.open("bot.xhtml?id=" + candidate);
      // a number out of bounds is refused with the rule, and nothing is stored
      b.type("evaluate:games", "201");
      b.click("evaluate:submit");
      b.waitForText("Games per opponent must be from 1 to 200, got 201.");
      assertEquals(0, count("select count(*) from evaluations"));

      long first = evaluate(b, candidate, 4);
      List<Row> rows = rows(b);
      assertEquals(
          Set.of("house-greedy", "house-random", "champ"),
          rows.stream().map(Row::opponent).collect(java.util.stream.Collectors.toSet()),
          "the house bots and the consenting team's winner; not the other team's");
      assertEquals(stored(first), rows, "the page's table is the games stored");
      for (Row row : rows) {
        assertEquals(4, row.booked(), row.toString());
      }
      checkUnratedSeededAndSeated(first, 3, 4);

      // the bot's next name is compared with this one on the same suite
      stack.admin().renameBot("candidate", "candidate-2");
      long second = evaluate(b, candidate, 2);
      assertEquals(stored(second), rows(b));
      checkUnratedSeededAndSeated(second, 3, 2);
      String comparison = b.find("comparison").getText();
      assertTrue(
          comparison.matches(
              "(?s)P\\(candidate-2 beats its previous name candidate, evaluation "
                  + first
                  + "\\): \\d+([.,]\\d)?\\s?%"),
          comparison);
      assertTrue(b.policyRefusals().isEmpty(), b.policyRefusals().toString());
    }
  }

  /** Asks for an evaluation on the bot page and waits for it to finish; its id. */
  private long evaluate(Browser b, long botId, int gamesPerOpponent) throws Exception {
    b.open("bot.xhtml?id=" + botId);
    b.type("evaluate:games", Integer.toString(gamesPerOpponent));
    b.click("evaluate:submit");
    b.waitForText("Evaluation asked for");
    long id =
        count("select max(id) from evaluations where bot_id = " + botId + " and state = 'RUNNING'");
    // the evaluation's games are played beside the training games: minutes at most on a slow
    // machine, a few seconds here
    await(
        "evaluation " + id + " finished",
        () -> {
          b.open("bot.xhtml?id=" + botId);
          return b.find("evaluationState").getText().equals("finished");
        },
        300);
    assertTrue(b.source().contains("Evaluation " + id + " of"), "the page shows it");
    return id;
  }

  private static void signIn(Browser b, String user, String password) {
    b.open("signin.xhtml");
    b.type("signin:username", user);
    b.type("signin:password", password);
    b.click("signin:submit");
    b.waitForText("My bots");
  }

  /** One line of the page's evaluation table, or of the stored games. */
  private record Row(String opponent, int booked, int wins, int draws, int losses) {}

  private List<Row> rows(Browser b) {
    List<Row> rows = new ArrayList<>();
    for (var tr : b.all(By.cssSelector("#evaluationResults_data > tr"))) {
      rows.add(
          new Row(
              tr.findElement(By.cssSelector("a.opponent")).getText(),
              Integer.parseInt(tr.findElement(By.cssSelector(".booked")).getText()),
              Integer.parseInt(tr.findElement(By.cssSelector(".wins")).getText()),
              Integer.parseInt(tr.findElement(By.cssSelector(".draws")).getText()),
              Integer.parseInt(tr.findElement(By.cssSelector(".losses")).getText())));
    }
    return rows;
  }

  /** The evaluation's games as stored, per opponent in the suite's order. */
  private List<Row> stored(long evaluation) throws Exception {
    List<Row> rows = new ArrayList<>();
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select b.name, count(*), count(*) filter (where p.result = 'win'), count(*)"
                    + " filter (where p.result = 'draw'), count(*) filter (where p.result ="
                    + " 'loss') from evaluation_opponents o join bots b on b.id = o.bot_id join"
                    + " evaluation_games g on g.evaluation_id = o.evaluation_id and g.opponent_id"
                    + " = o.bot_id join evaluations e on e.id = g.evaluation_id join match_players"
                    + " p on p.match_id = g.match_id and p.bot_id = e.bot_id where"
                    + " o.evaluation_id = ? group by o.position, b.name order by o.position")) {
      q.setLong(1, evaluation);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          rows.add(
              new Row(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getInt(4), rs.getInt(5)));
        }
      }
    }
    return rows;
  }

  /**
   * Every game of the evaluation: finished in the evaluation arena, never rated; a round's seed the
   * same against each opponent and new each round; the bot's spot alternating by round.
   */
  private void checkUnratedSeededAndSeated(long evaluation, int opponents, int rounds)
      throws Exception {
    // one row per game, with the evaluated bot's player row
    String games =
        " from evaluation_games g join evaluations e on e.id = g.evaluation_id join matches m on"
            + " m.id = g.match_id join arenas a on a.id = m.arena_id join match_players p on"
            + " p.match_id = m.id and p.bot_id = e.bot_id where g.evaluation_id = "
            + evaluation;
    assertEquals(opponents * rounds, count("select count(*)" + games));
    assertEquals(
        opponents * rounds,
        count(
            "select count(*)"
                + games
                + " and m.state = 'FINISHED' and not m.rated and a.kind = 'EVALUATION'"),
        "finished, unrated, in the evaluation arena");
    assertEquals(
        0,
        count("select count(*) from rating_history where match_id in (select m.id" + games + ")"),
        "no rating moved");
    // the house bots play nothing else here (no house fill): they have no rating at all
    assertEquals(
        0,
        count(
            "select count(*) from ratings r join bots b on b.id = r.bot_id where b.house is not"
                + " null"));
    assertEquals(rounds, count("select count(distinct m.seed)" + games), "a new seed each round");
    assertEquals(
        rounds,
        count(
            "select count(*) from (select g.game_no / "
                + opponents
                + games
                + " group by 1 having count(distinct m.seed) = 1) r"),
        "one seed in a round, whoever the opponent");
    assertEquals(
        opponents * rounds,
        count("select count(*)" + games + " and p.spot = (g.game_no / " + opponents + ") % 2"),
        "the bot's spot alternates by round");
  }

  private long botId(String name) throws Exception {
    return count("select id from bots where name = '" + name + "'");
  }

  private long count(String sql) throws Exception {
    try (Connection db = stack.database();
        ResultSet rs = db.createStatement().executeQuery(sql)) {
      assertTrue(rs.next(), sql);
      return rs.getLong(1);
    }
  }

  private String failingCli(String... args) throws Exception {
    try {
      return stack.run(args);
    } catch (IllegalStateException e) {
      return e.getMessage();
    }
  }

  private String settings(String game) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select settings::text from arenas where kind = 'TRAINING' and game_type = ?")) {
      q.setString(1, game);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getString(1);
      }
    }
  }

  /** The rated games of a bot in a game (0 without a rating). */
  private int games(String bot, String game) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select r.games from ratings r join bots b on b.id = r.bot_id where b.name = ? and"
                    + " r.game_type = ?")) {
      q.setString(1, bot);
      q.setString(2, game);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getInt(1) : 0;
      }
    }
  }

  private interface Check {
    boolean holds() throws Exception;
  }

  private static void await(String what, Check check, int seconds) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(seconds);
    while (!check.holds()) {
      if (System.nanoTime() > until) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      Thread.sleep(200);
    }
  }
}

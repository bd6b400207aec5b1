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
 * without an arena is refused.
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
    ProtocolBot bot = new ProtocolBot(name, step -> Json.array().add(1));
    bots.add(bot);
    bot.connect(stack.botUrl(1), stack.addBot("arenas", name), games);
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

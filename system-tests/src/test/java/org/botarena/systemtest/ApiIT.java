package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The public read API over HTTP (docs/api.md): four protocol bots of two teams play rated training
 * matches, a tournament and one debug-arena game; then they leave, so that what the API serves
 * stands still, and every endpoint is read and compared with the database: pages that add up to the
 * whole list, 304 for a repeated request with its ETag, the debug game for its team only, 400 for
 * bad parameters and 404 for unknown ids, the OpenAPI document, and the bot page's chart, which
 * reads the API in a browser; last, the bot page's step times against what the bots did.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApiIT {

  private static final String API = "/arena/api/v1/";
  private static final String OWNER = "api-owner";
  private static final String STRANGER = "api-stranger";
  private static final String PASSWORD = "api test password";

  private final Stack stack = Stack.API;
  private final HttpClient http = HttpClient.newHttpClient();
  private Fleet fleet;
  private final List<String> names = new ArrayList<>();
  private UUID debugGame;

  @BeforeAll
  void start() throws Exception {
    stack.start(1);
    fleet = new Fleet(stack, "api", 4, 1, 20, 2); // teams api-team0 and api-team1
    fleet.members().forEach(m -> names.add(m.name()));
    stack.admin().addUser(OWNER, PASSWORD, "USER", "api-team0");
    stack.admin().addUser(STRANGER, PASSWORD, "USER", "api-team1");
    await(
        "10 rated training matches", 120, () -> count("select count(*) from rating_history") >= 20);
    stack.tournaments().create("api cup", "simple", "exhaustive", 5, 1, "{}", 0);
    stack.tournaments().enter("api cup", names.subList(0, 3));
    try (MatchScheduler scheduler = new MatchScheduler(stack)) {
      debugGame =
          scheduler.scheduleDebug(
              OWNER, "simple", "{}", 7, List.of(botId(names.get(0)), botId(names.get(2))));
    }
    await(
        "the tournament closed",
        180,
        () -> count("select count(*) from tournaments where phase = 'CLOSED'") == 1);
    await(
        "the debug game ended",
        60,
        () ->
            count(
                    "select count(*) from matches where state = 'FINISHED' and id = '"
                        + debugGame
                        + "'")
                == 1);
    // from now on nothing moves: no bot is connected, every match is over and rated
    fleet.close();
    fleet = null;
    await(
        "every match over and rated",
        60,
        () ->
            count(
                    "select count(*) from matches m join arenas a on a.id = m.arena_id where"
                        + " m.state in ('QUEUED', 'RUNNING') or (a.kind = 'TRAINING' and m.state ="
                        + " 'FINISHED' and not m.rated)")
                == 0);
  }

  @AfterAll
  void stop() throws Exception {
    if (fleet != null) {
      fleet.close();
    }
    stack.close();
  }

  @Test
  @Order(1)
  void aBotWithItsRatingsAndItsWholeRatingHistoryPageByPage() throws Exception {
    long bot = botId(names.get(1));
    JsonNode b = json(API + "bots/" + bot);
    assertEquals(names.get(1), b.get("name").asText());
    assertEquals("api-team1", b.get("team").asText());
    assertFalse(b.get("online").asBoolean(), "the fleet left");
    assertEquals(API + "matches?bot=" + bot, b.get("matches").asText());
    JsonNode rating = b.get("ratings").get(0);
    assertEquals("simple", rating.get("game").asText());
    assertEquals(
        count("select games from ratings where game_type = 'simple' and bot_id = " + bot),
        rating.get("games").asInt());
    assertEquals(
        rating.get("mu").asDouble() - 3 * rating.get("sigma").asDouble(),
        rating.get("score").asDouble(),
        1e-9);
    String history = API + "bots/" + bot + "/ratings/simple/history";
    assertEquals(history, rating.get("history").asText());

    // page by page, newest first, the same points as the database's, each once
    List<String> stored =
        strings(
            "select cast(match_id as text) from rating_history where game_type = 'simple' and"
                + " bot_id = "
                + bot
                + " order by rated_at desc, id desc");
    assertTrue(stored.size() >= 4, "more than a page of 3: " + stored);
    JsonNode first = json(history + "?limit=3");
    assertEquals(3, first.get("items").size());
    assertEquals(history + "?limit=3&offset=3", sorted(first.get("next").asText()));
    JsonNode second = json(first.get("next").asText());
    assertEquals(3, second.get("offset").asInt());
    List<String> firstTwo = new ArrayList<>();
    first.get("items").forEach(p -> firstTwo.add(p.get("match").asText()));
    second.get("items").forEach(p -> firstTwo.add(p.get("match").asText()));
    assertEquals(stored.subList(0, firstTwo.size()), firstTwo);
    assertEquals(stored, all(history + "?limit=500", "match"), "the whole history, each once");
    assertEquals(0, json(history + "?offset=10000").get("items").size(), "past the end: empty");

    assertError(404, null, API + "bots/999999");
    assertError(400, "id", API + "bots/seven");
    assertError(404, null, API + "bots/" + bot + "/ratings/chess/history");
    assertError(400, "limit", history + "?limit=501");
  }

  @Test
  @Order(2)
  void theBotPagesChartReadsTheApi() throws Exception {
    long bot = botId(names.get(1));
    int points =
        count("select count(*) from rating_history where game_type = 'simple' and bot_id = " + bot);
    try (Browser b = new Browser(stack.portalUrl(1))) {
      b.open("bot.xhtml?id=" + bot + "&game=simple");
      b.waitForAttribute("rating-chart-status", "data-state", "drawn");
      assertEquals(
          Integer.toString(Math.min(500, points)),
          b.find("rating-chart-status").getAttribute("data-count"),
          "one point per rated match, read from the API");
      assertFalse(b.driver.getPageSource().contains("\"datasets\""), "no data in the page itself");
      assertEquals(List.of(), b.policyRefusals(), "the policy let it all run");
    }
  }

  @Test
  @Order(3)
  void anEndedSeasonsLeaderboardPageByPageAndUnchangedIsNotSentAgain() throws Exception {
    JsonNode games = json(API + "leaderboards");
    assertTrue(
        contains(games, g -> g.get("leaderboard").asText().equals(API + "leaderboards/simple")),
        games.toString());
    stack.admin().startSeason("simple"); // season 1's table is frozen, season 2 starts empty
    JsonNode seasons = json(API + "leaderboards/simple/seasons");
    assertEquals(2, seasons.get(0).get("number").asInt());
    assertTrue(seasons.get(0).get("current").asBoolean());
    assertFalse(seasons.get(1).get("ended").isNull());
    JsonNode current = json(API + "leaderboards/simple");
    assertEquals(2, current.get("season").get("number").asInt());
    assertEquals(0, current.get("items").size(), "ratings start over");

    List<Long> bots = new ArrayList<>();
    List<Integer> ranks = new ArrayList<>();
    double last = Double.MAX_VALUE;
    for (String next = API + "leaderboards/simple/seasons/1?limit=2"; next != null; ) {
      JsonNode page = json(next);
      assertEquals(1, page.get("season").get("number").asInt());
      for (JsonNode row : page.get("items")) {
        bots.add(row.get("bot_id").asLong());
        ranks.add(row.get("rank").asInt());
        assertTrue(row.get("score").asDouble() <= last, "best first");
        last = row.get("score").asDouble();
      }
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    List<Long> stored =
        longs(
            "select bot_id from season_ratings r join seasons s on s.id = r.season_id where"
                + " s.number = 1 order by r.mu - 3 * r.sigma desc");
    assertTrue(stored.size() >= 4, "the fleet and the house bots that filled in: " + stored);
    assertEquals(new HashSet<>(stored), new HashSet<>(bots), "every bot once");
    assertEquals(stored.size(), bots.size());
    for (int i = 0; i < ranks.size(); i++) {
      assertEquals(i + 1, ranks.get(i));
    }
    JsonNode searched = json(API + "leaderboards/simple/seasons/1?search=API1");
    assertEquals(1, searched.get("items").size(), "one bot's name holds api1");
    assertEquals(names.get(1), searched.get("items").get(0).get("bot").asText());

    assertNotModifiedWhenRepeated(API + "leaderboards/simple/seasons/1?limit=2");
    assertError(404, null, API + "leaderboards/chess");
    assertError(404, null, API + "leaderboards/simple/seasons/9");
    assertError(400, "number", API + "leaderboards/simple/seasons/first");
    assertError(400, "offset", API + "leaderboards/simple?offset=-1");
    assertError(400, "search", API + "leaderboards/simple?search=" + "x".repeat(65));
  }

  @Test
  @Order(4)
  void theMatchHistoryPageByPageWithFiltersAndWithoutTheDebugGame() throws Exception {
    List<String> listed = all(API + "matches?limit=500", "id");
    List<String> stored =
        strings(
            "select cast(m.id as text) from matches m join arenas a on a.id = m.arena_id where"
                + " a.kind <> 'DEBUG' order by m.created_at desc, m.id");
    assertTrue(stored.size() > 14, "more than two pages of 7: " + stored.size());
    assertEquals(stored, listed, "every training and tournament match once, newest first");
    JsonNode page = json(API + "matches?limit=7");
    assertEquals(API + "matches?limit=7&offset=7", sorted(page.get("next").asText()));
    List<String> firstTwo = new ArrayList<>();
    page.get("items").forEach(m -> firstTwo.add(m.get("id").asText()));
    json(page.get("next").asText()).get("items").forEach(m -> firstTwo.add(m.get("id").asText()));
    assertEquals(stored.subList(0, 14), firstTwo);
    assertFalse(listed.contains(debugGame.toString()), "the debug game is nobody's list");

    long bot = botId(names.get(0));
    List<JsonNode> mine =
        items(API + "matches?bot=" + bot + "&state=finished&game=simple&limit=500");
    assertEquals(
        count(
            "select count(*) from match_players p join matches m on m.id = p.match_id join arenas"
                + " a on a.id = m.arena_id where a.kind <> 'DEBUG' and m.state = 'FINISHED' and"
                + " p.bot_id = "
                + bot),
        mine.size());
    for (JsonNode m : mine) {
      assertTrue(contains(m.get("players"), p -> p.get("bot_id").asLong() == bot), m.toString());
      assertEquals("FINISHED", m.get("state").asText());
    }
    List<JsonNode> draws = items(API + "matches?end_state=draw&limit=500");
    draws.forEach(m -> assertEquals("DRAW", m.get("end_state").asText()));
    assertEquals(
        count(
            "select count(*) from matches m join arenas a on a.id = m.arena_id where a.kind <>"
                + " 'DEBUG' and m.end_state = 'DRAW'"),
        draws.size());
    assertEquals(0, json(API + "matches?to=2020-01-01").get("items").size(), "none that early");
    assertEquals(listed, all(API + "matches?from=2020-01-01&limit=500", "id"), "all since 2020");

    assertError(400, "game", API + "matches?game=chess");
    assertError(400, "state", API + "matches?state=DONE");
    assertError(400, "end_state", API + "matches?end_state=WON");
    assertError(400, "from", API + "matches?from=2026-13-01");
    assertError(400, "to", API + "matches?from=2026-12-02&to=2026-12-01");
    assertError(400, "bot", API + "matches?bot=-3");
    assertError(400, "limit", API + "matches?limit=0");
    assertError(400, "offset", API + "matches?offset=10001");
  }

  @Test
  @Order(5)
  void oneMatchWithItsPlayersAndReplayAndNotSentAgainUnchanged() throws Exception {
    String id =
        strings(
                "select cast(m.id as text) from matches m join arenas a on a.id = m.arena_id where"
                    + " a.kind = 'TRAINING' and m.state = 'FINISHED' order by m.created_at limit 1")
            .get(0);
    JsonNode match = json(API + "matches/" + id);
    assertEquals(id, match.get("id").asText());
    assertEquals("simple", match.get("game").asText());
    assertEquals(2, match.get("players").size());
    JsonNode player = match.get("players").get(0);
    assertEquals(API + "bots/" + player.get("bot_id").asLong(), player.get("url").asText());
    assertEquals(200, get(player.get("url").asText()).statusCode());
    assertEquals("/arena/api/matches/" + id + "/replay", match.get("replay").asText());
    assertEquals(200, get(match.get("replay").asText()).statusCode(), "the replay link works");
    assertEquals("/arena/replay.xhtml?match=" + id, match.get("viewer").asText());
    assertNotModifiedWhenRepeated(API + "matches/" + id);
    assertError(404, null, API + "matches/" + UUID.randomUUID());
    assertError(400, "id", API + "matches/not-a-uuid");
  }

  @Test
  @Order(6)
  void aDebugGameIsItsTeamsOnly() throws Exception {
    String path = API + "matches/" + debugGame;
    assertError(404, null, path); // nobody signed in
    FacesPage stranger = new FacesPage(stack.portalUrl(1));
    stranger.signIn(STRANGER, PASSWORD);
    assertEquals(404, stranger.get("api/v1/matches/" + debugGame).statusCode(), "another team");
    assertEquals(404, stranger.get("api/matches/" + debugGame + "/replay").statusCode());

    FacesPage owner = new FacesPage(stack.portalUrl(1));
    owner.signIn(OWNER, PASSWORD);
    HttpResponse<String> mine = owner.get("api/v1/matches/" + debugGame);
    assertEquals(200, mine.statusCode(), mine.body());
    JsonNode match = Json.parse(mine.body());
    assertEquals("debug-" + OWNER, match.get("arena").asText());
    assertEquals(
        "no-cache, private",
        normalised(mine.headers().firstValue("Cache-Control").orElse("")),
        "a signed-in caller's answer is kept by no shared cache");
    assertEquals(200, owner.get("api/matches/" + debugGame + "/replay").statusCode());
    HttpResponse<String> list = owner.get("api/v1/matches?limit=500");
    assertFalse(list.body().contains(debugGame.toString()), "lists stay the portal's: no debug");
  }

  @Test
  @Order(7)
  void tournamentsWithTheirStandings() throws Exception {
    JsonNode list = json(API + "tournaments");
    assertEquals(1, list.get("items").size());
    JsonNode cup = list.get("items").get(0);
    assertEquals("api cup", cup.get("name").asText());
    assertEquals("CLOSED", cup.get("phase").asText());
    assertEquals(3, cup.get("entrants").asInt());
    assertFalse(cup.get("opens_at").isNull());
    assertEquals(API + "tournaments/api%20cup", cup.get("url").asText());
    JsonNode standings = json(cup.get("url").asText());
    assertFalse(standings.get("tournament").get("winner_team").isNull(), "won by a team");
    JsonNode level = standings.get("levels").get(0);
    assertEquals(3, level.get("games").asInt());
    assertEquals(3, level.get("games_done").asInt());
    JsonNode group = level.get("groups").get(0);
    assertEquals(3, group.get("table").size());
    assertEquals(1, group.get("table").get(0).get("place").asInt());
    for (JsonNode game : group.get("games")) {
      JsonNode match = json(game.get("url").asText());
      assertEquals(game.get("match").asText(), match.get("id").asText());
      assertEquals("FINISHED", match.get("state").asText());
    }
    assertNotModifiedWhenRepeated(cup.get("url").asText());
    assertError(404, null, API + "tournaments/nothing");
    assertError(400, "limit", API + "tournaments?limit=x");
  }

  @Test
  @Order(8)
  void theOpenApiDocumentListsTheEndpoints() throws Exception {
    HttpResponse<String> doc = get("/openapi", "Accept", "application/json");
    assertEquals(200, doc.statusCode(), doc.body());
    JsonNode openapi = Json.parse(doc.body());
    assertEquals("/arena", openapi.get("servers").get(0).get("url").asText());
    for (String path :
        List.of(
            "/api/v1/leaderboards",
            "/api/v1/leaderboards/{game}",
            "/api/v1/leaderboards/{game}/seasons",
            "/api/v1/leaderboards/{game}/seasons/{number}",
            "/api/v1/bots/{id}",
            "/api/v1/bots/{id}/ratings/{game}/history",
            "/api/v1/bots/{id}/latency",
            "/api/v1/matches",
            "/api/v1/matches/{id}",
            "/api/v1/tournaments",
            "/api/v1/tournaments/{name}")) {
      assertTrue(openapi.get("paths").has(path), path + " in " + openapi.get("paths"));
    }
    // the shared answers are described once and referred to by every endpoint
    JsonNode responses = openapi.get("components").get("responses");
    assertTrue(
        responses.get("BadRequest").get("content").toString().contains("schema"),
        responses.toString());
    for (String path : List.of("/api/v1/bots/{id}/ratings/{game}/history", "/api/v1/matches")) {
      JsonNode answers = openapi.get("paths").get(path).get("get").get("responses");
      assertEquals(
          "#/components/responses/BadRequest", answers.get("400").get("$ref").asText(), path);
      assertEquals(
          "#/components/responses/NotModified", answers.get("304").get("$ref").asText(), path);
    }
    JsonNode match = openapi.get("components").get("schemas").get("Match");
    assertTrue(match.get("properties").has("end_state"), "named as the answers name it");
    assertEquals(200, get("/openapi").statusCode(), "and as YAML");
  }

  @Test
  @Order(9)
  void readOnlyAndThePortalStillProtected() throws Exception {
    HttpResponse<String> post =
        http.send(
            HttpRequest.newBuilder(uri(API + "matches"))
                .POST(HttpRequest.BodyPublishers.noBody())
                .build(),
            HttpResponse.BodyHandlers.ofString());
    assertEquals(405, post.statusCode());
    HttpResponse<String> members = get("/arena/app/dashboard.xhtml");
    assertEquals(302, members.statusCode(), "a member's page still asks to sign in");
    assertTrue(members.headers().firstValue("Location").orElse("").contains("signin.xhtml"));
  }

  /**
   * The bot page's step times: a fleet bot sleeps 20 ms before every answer, so its p50 is at least
   * that; a bot that leaves the first step of each of its games unanswered (and sleeps 30 ms before
   * the others) shows at least one timeout a game, and, with a quarter or more of its steps missed,
   * a p99 at the deadline and no margin. The API serves the same lines. (Last: it adds games.)
   */
  @Test
  @Order(10)
  void theBotPagesStepTimesShowWhatTheBotsDid() throws Exception {
    long fleetBot = botId(names.get(1));
    List<Line> fleetLines = latencyPanel(fleetBot);
    Line day = line(fleetLines, names.get(1), "last day");
    Line last = line(fleetLines, names.get(1), "last 1,000 steps");
    for (Line l : List.of(day, last)) {
      assertTrue(l.p50 >= 20.0, "it sleeps 20 ms before each answer: " + l);
      assertConsistent(l);
    }
    assertEquals(
        count(
            "select count(*) from match_players p join matches m on m.id = p.match_id join arenas a"
                + " on a.id = m.arena_id where a.kind <> 'DEBUG' and m.state = 'FINISHED' and"
                + " m.steps > 0 and m.ended_at > now() - interval '1 day' and p.bot_id = "
                + fleetBot),
        day.games,
        "every training and tournament game of the day, not the debug game: " + day);
    assertTrue(last.steps >= Math.min(1000, day.steps) && last.games <= day.games, last.toString());

    String laggard = "api-laggard";
    long laggardId;
    try (ProtocolBot bot = lateOnEachFirstStep(laggard)) {
      laggardId = bot.join(stack.botUrl(1), stack.addBot("api-team0", laggard));
      // alone online: house bots fill in (ARENA_MATCHMAKING_HOUSE_FILL_*)
      await(
          "two games of the laggard stored",
          240,
          () ->
              count(
                      "select count(*) from match_players p join matches m on m.id = p.match_id"
                          + " where m.state = 'FINISHED' and m.steps > 0 and p.bot_id = "
                          + botId(laggard))
                  >= 2);
    }
    await(
        "the laggard's games over",
        60,
        () ->
            count(
                    "select count(*) from matches where state in ('QUEUED', 'RUNNING')"
                        + " and id in (select match_id from match_players where bot_id = "
                        + laggardId
                        + ")")
                == 0);
    int games =
        count(
            "select count(*) from match_players p join matches m on m.id = p.match_id where"
                + " m.state = 'FINISHED' and m.steps > 0 and p.bot_id = "
                + laggardId);
    List<Line> lagging = latencyPanel(laggardId);
    Line lagDay = line(lagging, laggard, "last day");
    assertConsistent(lagDay);
    assertEquals(games, lagDay.games, lagDay.toString());
    assertTrue(lagDay.timeouts >= games, "its first step of each game missed: " + lagDay);
    assertTrue(lagDay.p50 >= 30.0, lagDay.toString());
    assertTrue(
        lagDay.p99 >= 2000.0 && lagDay.margin <= 0, "a missed step is the deadline: " + lagDay);

    JsonNode api = json(API + "bots/" + laggardId + "/latency");
    assertFalse(api.get("capped").asBoolean());
    JsonNode item = api.get("items").get(0);
    assertEquals(
        List.of(
            "deadline_ms",
            "game",
            "games",
            "margin_ms",
            "name",
            "p50",
            "p95",
            "p99",
            "steps",
            "timeouts",
            "window"),
        fieldNames(item));
    assertEquals(laggard, item.get("name").asText());
    assertEquals("simple", item.get("game").asText());
    assertEquals("last day", item.get("window").asText());
    assertEquals(lagDay.timeouts, item.get("timeouts").asInt());
    assertEquals(lagDay.steps, item.get("steps").asLong());
    assertEquals(lagDay.p99, item.get("p99").asDouble(), 0.051, "the page rounds to 0.1 ms");
    assertError(404, null, API + "bots/999999/latency");
  }

  private static List<String> fieldNames(JsonNode object) {
    List<String> names = new ArrayList<>();
    object.fieldNames().forEachRemaining(names::add);
    return names;
  }

  /** One line of the bot page's step times, as shown. */
  private record Line(
      String name,
      String game,
      String window,
      int games,
      long steps,
      double p50,
      double p95,
      double p99,
      int deadline,
      double margin,
      int timeouts) {}

  private List<Line> latencyPanel(long bot) throws Exception {
    List<Line> lines = new ArrayList<>();
    try (Browser b = new Browser(stack.portalUrl(1))) {
      b.open("bot.xhtml?id=" + bot);
      b.waitForText("Step times");
      for (var row : b.all(org.openqa.selenium.By.cssSelector("[id$='latency'] tbody tr"))) {
        if (row.findElements(org.openqa.selenium.By.className("latency-name")).isEmpty()) {
          continue; // the empty table's message
        }
        java.util.function.Function<String, String> cell =
            c -> row.findElement(org.openqa.selenium.By.className("latency-" + c)).getText();
        lines.add(
            new Line(
                cell.apply("name"),
                cell.apply("game"),
                cell.apply("window"),
                Integer.parseInt(cell.apply("games")),
                Long.parseLong(cell.apply("steps")),
                Double.parseDouble(cell.apply("p50")),
                Double.parseDouble(cell.apply("p95")),
                Double.parseDouble(cell.apply("p99")),
                Integer.parseInt(cell.apply("deadline")),
                Double.parseDouble(cell.apply("margin")),
                Integer.parseInt(cell.apply("timeouts"))));
      }
    }
    return lines;
  }

  private static Line line(List<Line> lines, String name, String window) {
    return lines.stream()
        .filter(l -> l.name.equals(name) && l.game.equals("simple") && l.window.equals(window))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no " + name + " / " + window + " in " + lines));
  }

  /** Percentiles in order, the stack's deadline, its margin, and steps that hold the timeouts. */
  private static void assertConsistent(Line l) {
    assertTrue(l.p50 <= l.p95 && l.p95 <= l.p99, l.toString());
    assertEquals(2000, l.deadline, "ARENA_STEP_DEADLINE_MS's default: " + l);
    assertEquals(l.deadline - l.p99, l.margin, 0.11, l.toString());
    assertTrue(l.games > 0 && l.steps >= l.games && l.timeouts <= l.steps, l.toString());
  }

  /** A bot that leaves the first step of each game unanswered, and sleeps 30 ms before the rest. */
  private static ProtocolBot lateOnEachFirstStep(String name) {
    java.util.Set<String> started = java.util.concurrent.ConcurrentHashMap.newKeySet();
    return new ProtocolBot(
            name,
            step -> {
              if (started.add(step.get("game").asText())) {
                return null; // no answer: a timeout
              }
              try {
                Thread.sleep(30);
              } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
              }
              return Json.array().add(1);
            })
        .answeringReady(true);
  }

  /** Every item of a list, page after page (following {@code next}). */
  private List<JsonNode> items(String path) throws Exception {
    List<JsonNode> items = new ArrayList<>();
    for (String next = path; next != null; ) {
      JsonNode page = json(next);
      page.get("items").forEach(items::add);
      next = page.get("next").isNull() ? null : page.get("next").asText();
    }
    return items;
  }

  /** One field of every item of a list. */
  private List<String> all(String path, String field) throws Exception {
    return items(path).stream().map(i -> i.get(field).asText()).toList();
  }

  /** A path with its query's parameters sorted by name (their order carries no meaning). */
  private static String sorted(String path) {
    int q = path.indexOf('?');
    return q < 0
        ? path
        : path.substring(0, q + 1)
            + String.join(
                "&", java.util.Arrays.stream(path.substring(q + 1).split("&")).sorted().toList());
  }

  /** A repeated GET with the first answer's ETag gets 304, no body, and the same tag. */
  private void assertNotModifiedWhenRepeated(String path) throws Exception {
    HttpResponse<String> first = get(path);
    assertEquals(200, first.statusCode());
    String tag = first.headers().firstValue("ETag").orElseThrow();
    assertEquals(
        "max-age=5, public", normalised(first.headers().firstValue("Cache-Control").orElse("")));
    HttpResponse<String> again = get(path, "If-None-Match", tag);
    assertEquals(304, again.statusCode(), path);
    assertEquals("", again.body());
    assertEquals(tag, again.headers().firstValue("ETag").orElse(""));
    assertEquals(200, get(path, "If-None-Match", "\"another\"").statusCode(), "another tag");
  }

  /** Cache-Control's directives, sorted (their order carries no meaning). */
  private static String normalised(String cacheControl) {
    return String.join(
        ", ",
        java.util.Arrays.stream(cacheControl.split(","))
            .map(String::strip)
            .filter(d -> !d.isEmpty())
            .sorted()
            .toList());
  }

  private void assertError(int status, String parameter, String path) throws Exception {
    HttpResponse<String> answer = get(path);
    assertEquals(status, answer.statusCode(), path + ": " + answer.body());
    JsonNode error = Json.parse(answer.body());
    assertEquals(status, error.get("status").asInt());
    assertFalse(error.get("error").asText().isBlank());
    if (parameter == null) {
      assertTrue(error.get("parameter").isNull(), answer.body());
    } else {
      assertEquals(parameter, error.get("parameter").asText(), answer.body());
      assertTrue(error.get("error").asText().startsWith(parameter), answer.body());
    }
  }

  private JsonNode json(String path) throws Exception {
    HttpResponse<String> answer = get(path);
    assertEquals(200, answer.statusCode(), path + ": " + answer.body());
    assertEquals("application/json", answer.headers().firstValue("Content-Type").orElse(""));
    assertTrue(answer.headers().firstValue("ETag").isPresent(), path);
    return Json.parse(answer.body());
  }

  private HttpResponse<String> get(String path, String... headers) throws Exception {
    HttpRequest.Builder request = HttpRequest.newBuilder(uri(path));
    for (int i = 0; i < headers.length; i += 2) {
      request.header(headers[i], headers[i + 1]);
    }
    return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
  }

  /** A path with its query, its parameters' values encoded as a browser would. */
  private URI uri(String path) {
    int q = path.indexOf('?');
    String query = "";
    if (q >= 0) {
      List<String> pairs = new ArrayList<>();
      for (String pair : path.substring(q + 1).split("&")) {
        int eq = pair.indexOf('=');
        pairs.add(
            eq < 0
                ? pair
                : pair.substring(0, eq + 1)
                    + URLEncoder.encode(pair.substring(eq + 1), StandardCharsets.UTF_8));
      }
      query = "?" + String.join("&", pairs);
      path = path.substring(0, q);
    }
    return URI.create(stack.portalUrl(1)).resolve(path + query);
  }

  private static boolean contains(JsonNode array, java.util.function.Predicate<JsonNode> test) {
    for (JsonNode e : array) {
      if (test.test(e)) {
        return true;
      }
    }
    return false;
  }

  private long botId(String name) throws Exception {
    return longs("select id from bots where name = '" + name + "'").get(0);
  }

  private int count(String sql) throws Exception {
    return longs(sql).stream().findFirst().orElse(0L).intValue();
  }

  private List<Long> longs(String sql) throws Exception {
    List<Long> out = new ArrayList<>();
    for (String s : strings(sql)) {
      out.add(Long.parseLong(s));
    }
    return out;
  }

  private List<String> strings(String sql) throws Exception {
    List<String> out = new ArrayList<>();
    try (Connection db = stack.database();
        PreparedStatement q = db.prepareStatement(sql);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        out.add(rs.getString(1));
      }
    }
    return out;
  }

  /** Waits (polling, at most {@code seconds}) until {@code done}; fails saying {@code what}. */
  private static void await(String what, int seconds, Callable<Boolean> done) throws Exception {
    long end = System.currentTimeMillis() + seconds * 1000L;
    while (!done.call()) {
      if (System.currentTimeMillis() > end) {
        throw new AssertionError("not within " + seconds + " s: " + what);
      }
      Thread.sleep(250);
    }
  }
}

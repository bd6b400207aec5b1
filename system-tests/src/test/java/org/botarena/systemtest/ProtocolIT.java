package org.botarena.systemtest;

import static org.botarena.systemtest.ProtocolBot.error;
import static org.botarena.systemtest.ProtocolBot.of;
import static org.botarena.systemtest.ProtocolBot.type;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import java.util.regex.Pattern;
import org.botarena.client.ArenaClient;
import org.botarena.client.FatalCloseException;
import org.botarena.client.examples.RandomAgent;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * PROTOCOL.md against the real server, row by row: the session, every server frame, every bot
 * frame, every error code a bot can cause and every close code. One Payara Micro instance with the
 * embedded broker; games the training arena would not pick are scheduled like the matchmaker
 * schedules them ({@link MatchScheduler}).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ProtocolIT {

  /** Answers every step of {@code simple} with [1]: slow enough to give the other side time. */
  static final Function<JsonNode, JsonNode> ONE = step -> Json.array().add(1);

  /** Leaves the steps to the test. */
  static final Function<JsonNode, JsonNode> MANUAL = step -> null;

  final Stack stack = Stack.PROTOCOL;
  final List<ProtocolBot> bots = new ArrayList<>();
  private final AtomicInteger names = new AtomicInteger();
  MatchScheduler scheduler;

  /** A welcomed bot; it answers {@code ready?} with {@code ready} (null: no answer). */
  record Player(ProtocolBot bot, long id, String token, String name) {}

  @BeforeAll
  void start() throws Exception {
    stack.start(1);
    scheduler = new MatchScheduler(stack);
  }

  @AfterAll
  void stop() throws Exception {
    if (scheduler != null) { // null when the stack did not start: it is stopped all the same
      scheduler.close();
    }
    stack.close();
  }

  @AfterEach
  void disconnectBots() {
    bots.forEach(ProtocolBot::close);
    bots.clear();
  }

  Player player(Function<JsonNode, JsonNode> policy, Boolean ready) throws Exception {
    String name = "p" + names.incrementAndGet();
    String token = stack.addBot("protocol", name);
    ProtocolBot bot = new ProtocolBot(name, policy).answeringReady(ready);
    bots.add(bot);
    return new Player(bot, bot.join(stack.botUrl(1), token), token, name);
  }

  /** A bot out of matchmaking: it plays only what the test schedules. */
  Player player(Function<JsonNode, JsonNode> policy) throws Exception {
    return player(policy, false);
  }

  ProtocolBot socket(String name) {
    ProtocolBot bot = new ProtocolBot(name, MANUAL);
    bots.add(bot);
    return bot;
  }

  UUID schedule(String game, String config, Player... players) throws Exception {
    List<Long> ids = new ArrayList<>();
    for (Player p : players) {
      ids.add(p.id());
    }
    return scheduler.schedule(game, config, 42, ids);
  }

  JsonNode step(Player p, UUID game, long seq) throws InterruptedException {
    return p.bot()
        .await("step " + seq, f -> of("step", game).test(f) && f.get("seq").asLong() == seq, 20);
  }

  JsonNode end(Player p, UUID game) throws InterruptedException {
    return p.bot().await("game_end", of("game_end", game), 30);
  }

  String stored(UUID match) throws Exception {
    for (int i = 0; i < 100; i++) {
      String end = scheduler.stored(match);
      if (end != null) {
        return end;
      }
      Thread.sleep(100);
    }
    throw new AssertionError("match " + match + " was not stored");
  }

  String sessionState(Player p) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement("select state from bot_sessions where bot_id = ?")) {
      q.setLong(1, p.id());
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getString(1) : "none";
      }
    }
  }

  /** A value of the Prometheus text format. */
  static double metric(String metrics, String name) {
    return metrics
        .lines()
        .filter(l -> l.startsWith(name + "{"))
        .mapToDouble(l -> Double.parseDouble(l.substring(l.lastIndexOf(' ') + 1)))
        .findFirst()
        .orElseThrow(() -> new AssertionError(name + " not in " + metrics));
  }

  void assertClosedWith(int code, ProtocolBot bot) throws Exception {
    assertEquals(
        code,
        bot.closed.get(15, TimeUnit.SECONDS),
        bot.name + " close code; frames " + bot.received);
  }

  @Nested
  class Session {

    @Test
    void helloIsAnsweredWithWelcomeThenReadyQuestion() throws Exception {
      Player p = player(MANUAL);
      JsonNode welcome = p.bot().received.get(0);
      assertEquals("welcome", welcome.get("type").asText());
      assertEquals(1, welcome.get("protocol").asInt());
      UUID.fromString(welcome.get("session").asText());
      assertEquals(p.name(), welcome.get("bot").get("name").asText());
      assertEquals("protocol", welcome.get("bot").get("team").asText());
      JsonNode question = p.bot().await("ready?", type("ready?"), 5);
      assertTrue(question.get("id").isIntegralNumber(), question.toString());
    }

    @Test
    void theTokenMayComeAsBearerHeader() throws Exception {
      String token = stack.addBot("protocol", "bearer" + names.incrementAndGet());
      ProtocolBot bot = socket("bearer").connectWithBearer(stack.botUrl(1), token);
      assertEquals("welcome", bot.await("welcome", type("welcome"), 10).get("type").asText());
    }

    @Test
    void aWrongTokenIsRefusedWith4001() throws Exception {
      ProtocolBot bot = socket("intruder").connect(stack.botUrl(1), "arena_not-a-token");
      bot.await("AUTH_FAILED", error("AUTH_FAILED"), 10);
      assertClosedWith(4001, bot);
    }

    @Test
    void aHelloWithoutAnyTokenIsRefusedWith4001() throws Exception {
      ProtocolBot bot = socket("tokenless").connect(stack.botUrl(1), null);
      bot.send(Json.object().put("type", "hello").put("protocol", 1));
      assertTrue(
          bot.await("AUTH_FAILED", error("AUTH_FAILED"), 10)
              .get("message")
              .asText()
              .contains("no token"));
      assertClosedWith(4001, bot);
    }

    @Test
    void anotherProtocolVersionIsRefusedWith4002() throws Exception {
      String token = stack.addBot("protocol", "future" + names.incrementAndGet());
      ProtocolBot bot = socket("future").connect(stack.botUrl(1), null);
      bot.send(Json.object().put("type", "hello").put("protocol", 2).put("token", token));
      bot.await("UNSUPPORTED_PROTOCOL", error("UNSUPPORTED_PROTOCOL"), 10);
      assertClosedWith(4002, bot);
    }

    @Test
    void aSocketWithoutHelloIsClosedAfterFiveSeconds() throws Exception {
      long opened = System.currentTimeMillis();
      ProtocolBot bot = socket("silent").connect(stack.botUrl(1), null);
      bot.await("AUTH_FAILED", error("AUTH_FAILED"), 10);
      assertClosedWith(4001, bot);
      long waited = System.currentTimeMillis() - opened;
      assertTrue(waited >= 4_500 && waited < 9_000, "closed after " + waited + " ms");
    }

    @Test
    void framesBeforeHelloAreBadMessages() throws Exception {
      ProtocolBot bot = socket("hasty").connect(stack.botUrl(1), null);
      bot.send(Json.object().put("type", "ping"));
      assertTrue(
          bot.await("BAD_MESSAGE", error("BAD_MESSAGE"), 5)
              .get("message")
              .asText()
              .contains("hello"));
    }

    @Test
    void pingIsAnsweredWithPong() throws Exception {
      Player p = player(MANUAL);
      p.bot().send(Json.object().put("type", "ping"));
      p.bot().await("pong", type("pong"), 5);
    }

    @Test
    void aSecondConnectionTakesOverAndTheGameGoesOnThere() throws Exception {
      Player first = player(MANUAL);
      Player opponent = player(ONE);
      UUID game = schedule("simple", "{\"deadline_ms\":1500}", first, opponent);
      step(first, game, 1); // the first connection never answers

      ProtocolBot second = new ProtocolBot(first.name() + "-again", ONE).answeringReady(false);
      bots.add(second);
      second.connect(stack.botUrl(1), first.token());
      first.bot().await("REPLACED", error("REPLACED"), 10);
      assertClosedWith(4003, first.bot());

      second.await(
          "resuming message",
          f -> type("message").test(f) && f.get("text").asText().contains("resuming"),
          10);
      second.await("a step of the running game", of("step", game), 20);
      JsonNode end = second.await("game_end", of("game_end", game), 30);
      assertEquals("normal", end.get("reason").asText(), end.toString());
      assertTrue(stored(game).endsWith("/normal"));
    }
  }

  @Nested
  class Registry {

    @Test
    void sessionsAreRegisteredWithTheirInstanceAndHeartbeat() throws Exception {
      Player p = player(MANUAL);
      try (Connection db = stack.database();
          PreparedStatement q =
              db.prepareStatement(
                  "select instance, heartbeat_at > now() - interval '30 seconds'"
                      + " from bot_sessions where bot_id = ?")) {
        q.setLong(1, p.id());
        try (ResultSet rs = q.executeQuery()) {
          assertTrue(rs.next(), "the session is in the registry");
          assertEquals("instance-1", rs.getString(1));
          assertTrue(rs.getBoolean(2));
        }
      }
      p.bot().close();
      Thread.sleep(500);
      assertEquals("none", sessionState(p), "a closed connection leaves the registry");
    }

    @Test
    void healthSaysTheInstanceIsAliveAndReadyWithItsDatabaseAndBroker() throws Exception {
      var ready = stack.request(1, "/health/ready");
      assertEquals(200, ready.statusCode(), ready.body());
      JsonNode checks = Json.parse(ready.body()).get("checks");
      List<String> up = new ArrayList<>();
      checks.forEach(c -> up.add(c.get("name").asText() + ":" + c.get("status").asText()));
      assertTrue(up.containsAll(List.of("database:UP", "broker:UP")), up.toString());
      Player a = player(ONE);
      Player b = player(ONE);
      UUID game = schedule("simple", "{}", a, b);
      end(a, game);
      Thread.sleep(200);
      String metrics = stack.request(1, "/metrics?scope=application").body();
      assertTrue(metric(metrics, "arena_bots_connected") >= 2, metrics);
      assertTrue(metrics.contains("arena_games_running{"), metrics);
      assertTrue(metric(metrics, "arena_matches_played_total") >= 1, metrics);
      assertTrue(
          metric(metrics, "arena_step_latency_count") >= 20, "10 steps of two bots: " + metrics);
      JsonNode settings = Json.parse(stack.get(1, "api/status")).get("settings");
      assertEquals(
          "0.2", settings.get("arena.matchmaking.threshold").asText(), settings.toString());
      assertFalse(settings.toString().contains("password"), "no credentials in the status");
      var live = stack.request(1, "/health/live");
      assertEquals(200, live.statusCode(), live.body());
      assertTrue(live.body().contains("bots_connected"), live.body());
    }

    @Test
    void theSessionsOfADeadInstanceAreRemovedByTheOthers() throws Exception {
      String ghost = "ghost" + names.incrementAndGet();
      stack.addBot("protocol", ghost);
      try (Connection db = stack.database()) {
        db.createStatement()
            .execute(
                "insert into instances (id, heartbeat_at) values ('ghost', now() - interval '1"
                    + " hour')");
        db.createStatement()
            .execute(
                "insert into bot_sessions (id, bot_id, instance, state)"
                    + " select gen_random_uuid(), id, 'ghost', 'IDLE' from bots where name = '"
                    + ghost
                    + "'");
      }
      long deadline = System.currentTimeMillis() + 20_000;
      int left;
      do {
        Thread.sleep(500);
        try (Connection db = stack.database();
            ResultSet rs =
                db.createStatement()
                    .executeQuery("select count(*) from bot_sessions where instance = 'ghost'")) {
          rs.next();
          left = rs.getInt(1);
        }
      } while (left > 0 && System.currentTimeMillis() < deadline);
      assertEquals(0, left, "the leader forgets a silent instance's sessions");
    }
  }

  @Nested
  class ServerFrames {

    @Test
    void gameStartStepAndGameEndCarryTheirFields() throws Exception {
      Player a = player(ONE);
      Player b = player(step -> Json.array().add(2));
      UUID game = schedule("simple", "{\"target\":6}", a, b);

      JsonNode start = a.bot().await("game_start", of("game_start", game), 20);
      assertEquals("simple", start.get("game_type").asText());
      assertEquals("[0]", start.get("spots").toString());
      assertEquals(List.of(b.name()), List.of(start.get("opponents").get(0).asText()));
      assertEquals(6, start.get("config").get("target").asInt());
      assertTrue(
          start.get("config").get("deadline_ms").isInt(), "bots are told the deadline: " + start);

      JsonNode endA = end(a, game);
      JsonNode endB = end(b, game);
      List<JsonNode> steps = a.bot().all(of("step", game));
      assertEquals(3, steps.size(), "b adds 2 per step and reaches 6 after three steps");
      for (int i = 0; i < steps.size(); i++) {
        JsonNode step = steps.get(i);
        assertEquals(0, step.get("spot").asInt());
        assertEquals(i + 1, step.get("seq").asInt(), "seq counts the spot's steps");
        assertEquals(
            i, step.get("observation").get(0).asInt(), "own total after " + i + " steps of [1]");
        assertTrue(step.get("deadline_ms").asInt() > 0);
      }
      assertEquals("loss", endA.get("result").asText());
      assertEquals("win", endB.get("result").asText());
      assertEquals("normal", endA.get("reason").asText());
      assertEquals(3.0, endA.get("scores").get("0").asDouble());
      assertEquals(6.0, endA.get("scores").get("1").asDouble());
      assertTrue(endA.get("stats").isObject(), endA.toString());
      assertEquals("WIN/normal", stored(game));
    }

    @Test
    void aTurnBasedGameAsksOnlyTheSpotToMove() throws Exception {
      Player a = player(MANUAL);
      Player b = player(MANUAL);
      UUID game = schedule("connect4", "{}", a, b);
      Player[] bySpot = {a, b};
      long[] seq = {0, 0};
      for (int move = 0; ; move++) {
        int spot = move % 2;
        Player mover = bySpot[spot];
        Player other = bySpot[1 - spot];
        JsonNode step =
            mover
                .bot()
                .await(
                    "step of move " + move,
                    f ->
                        of("step", game).test(f) && f.get("seq").asLong() == seq[spot] + 1
                            || of("game_end", game).test(f),
                    20);
        if (step.get("type").asText().equals("game_end")) {
          break;
        }
        seq[spot]++;
        Thread.sleep(30); // time for a wrong step to the other spot to arrive
        assertEquals(
            seq[1 - spot], other.bot().all(of("step", game)).size(), "the other spot is not asked");
        mover.bot().act(step, "[" + (move / 6) % 7 + "]");
      }
      assertEquals(
          "win", end(a, game).get("result").asText(), "a fills row 0 of columns 0..3 first");
      assertEquals("WIN/normal", stored(game));
    }

    @Test
    void aMatchDuringWhichABotWasRenamedIsDropped() throws Exception {
      Player a = player(MANUAL);
      Player b = player(ONE);
      UUID game = schedule("simple", "{}", a, b);
      JsonNode step = step(a, game, 1);
      stack.admin().renameBot(a.name(), a.name() + "-v2");
      for (long seq = 1; ; seq++) {
        a.bot().act(step, "[3]");
        long next = seq + 1;
        step =
            a.bot()
                .await(
                    "step or end",
                    f ->
                        of("game_end", game).test(f)
                            || of("step", game).test(f) && f.get("seq").asLong() == next,
                    20);
        if (step.get("type").asText().equals("game_end")) {
          break;
        }
      }
      assertEquals("aborted", step.get("result").asText(), step.toString());
      assertEquals("dropped", step.get("reason").asText());
      assertEquals("dropped", end(b, game).get("reason").asText());
      assertEquals("DROPPED/renamed", stored(game));
    }

    @Test
    void oneConnectionMayControlSeveralSpots() throws Exception {
      Player both = player(ONE);
      UUID game = schedule("simple", "{\"target\":3}", both, both);
      JsonNode start = both.bot().await("game_start", of("game_start", game), 20);
      assertEquals("[0,1]", start.get("spots").toString());
      end(both, game);
      List<JsonNode> steps = both.bot().all(of("step", game));
      assertEquals(3, steps.stream().filter(s -> s.get("spot").asInt() == 0).count());
      assertEquals(3, steps.stream().filter(s -> s.get("spot").asInt() == 1).count());
      assertEquals(1, both.bot().all(of("game_start", game)).size());
      assertEquals(1, both.bot().all(of("game_end", game)).size());
      assertEquals("DRAW/normal", stored(game));
    }
  }

  @Nested
  class Readiness {

    @Test
    void notReadyKeepsABotOutOfMatchmakingUntilItSaysReady() throws Exception {
      Player eager = player(ONE, true);
      Player shy = player(ONE, false);
      Player mute = player(ONE, null);
      Thread.sleep(3000);
      assertEquals(
          List.of(),
          eager.bot().all(type("game_start")),
          "nobody to play: the others are not ready");
      assertEquals("QUEUED", sessionState(eager));
      assertEquals("IDLE", sessionState(shy));
      assertEquals("IDLE", sessionState(mute), "no answer to ready? is not ready");
      assertTrue(
          shy.bot()
              .await("message", type("message"), 5)
              .get("text")
              .asText()
              .contains("out of matchmaking"));

      shy.bot().send(Json.object().put("type", "ready").put("ready", true));
      shy.bot().await("a training game", type("game_start"), 15);
      eager.bot().await("a training game", type("game_start"), 15);
    }

    @Test
    void aLoneReadyBotGetsHouseBotOpponents() throws Exception {
      Player lonely = player(ONE, true);
      JsonNode start = lonely.bot().await("a game against a house bot", type("game_start"), 20);
      String opponent = start.get("opponents").get(0).asText();
      assertTrue(opponent.startsWith("house-"), start.toString());
      UUID game = UUID.fromString(start.get("game").asText());
      JsonNode end = end(lonely, game);
      assertEquals("normal", end.get("reason").asText(), end.toString());
      assertTrue(stored(game).endsWith("/normal"));
      try (Connection db = stack.database();
          PreparedStatement q =
              db.prepareStatement(
                  "select count(*) from ratings r join bots b on b.id = r.bot_id where b.name = ?"
                      + " and r.games > 0")) {
        q.setString(1, opponent);
        for (int i = 0; i < 50; i++) {
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 1) {
              return; // the house bot is rated: a baseline on the leaderboard
            }
          }
          Thread.sleep(100);
        }
      }
      throw new AssertionError(opponent + " was not rated");
    }

    @Test
    void notReadyDuringAGameStaysOutAfterIt() throws Exception {
      Player eager = player(ONE, true);
      Player leaving = player(MANUAL, true);
      JsonNode start = leaving.bot().await("a training game", type("game_start"), 15);
      UUID game = UUID.fromString(start.get("game").asText());
      leaving.bot().send(Json.object().put("type", "ready").put("ready", false));
      for (long seq = 1; ; seq++) {
        long s = seq;
        JsonNode next =
            leaving
                .bot()
                .await(
                    "step or end",
                    f ->
                        of("game_end", game).test(f)
                            || of("step", game).test(f) && f.get("seq").asLong() == s,
                    20);
        if (next.get("type").asText().equals("game_end")) {
          break;
        }
        leaving.bot().act(next, "[0]");
      }
      Thread.sleep(500);
      assertEquals("IDLE", sessionState(leaving), "it said not ready: not requeued after its game");
      assertEquals("QUEUED", sessionState(eager), "its opponent waits for the next game");
      Thread.sleep(2000);
      assertEquals(1, leaving.bot().all(type("game_start")).size());
    }
  }

  @Nested
  class BotFrames {

    @Test
    void actionsForUnknownGamesSpotsOrStepsAreStale() throws Exception {
      Player a = player(MANUAL);
      Player b = player(ONE);
      UUID game = schedule("simple", "{}", a, b);
      JsonNode step = step(a, game, 1);
      a.bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + UUID.randomUUID()
                  + "\",\"spot\":0,\"seq\":1,\"action\":[1]}");
      a.bot().await("STALE_ACTION for an unknown game", error("STALE_ACTION"), 10);
      a.bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + game
                  + "\",\"spot\":1,\"seq\":1,\"action\":[3]}");
      a.bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + game
                  + "\",\"spot\":0,\"seq\":7,\"action\":[3]}");
      a.bot().act(step, "[1]");
      a.bot().act(step, "[3]"); // a duplicate
      JsonNode stepTwo = step(a, game, 2);
      a.bot()
          .awaitCount(
              "STALE_ACTION for unknown game, foreign spot, future seq, duplicate",
              error("STALE_ACTION"),
              4,
              10);
      assertTrue(
          a.bot().all(error("STALE_ACTION")).stream()
              .skip(1)
              .allMatch(e -> e.get("game").asText().equals(game.toString())));
      assertEquals(
          1,
          stepTwo.get("observation").get(0).asInt(),
          "only the first answer to step 1 was applied");
    }

    @Test
    void aLateActionIsStaleAndNeverAppliedToALaterStep() throws Exception {
      Player a = player(MANUAL);
      Player b = player(ONE);
      UUID game = schedule("simple", "{\"deadline_ms\":300}", a, b);
      JsonNode step = step(a, game, 1);
      a.bot().await("TIMEOUT", error("TIMEOUT"), 10);
      a.bot().act(step, "[3]");
      a.bot().await("STALE_ACTION", error("STALE_ACTION"), 10);
      JsonNode later = step(a, game, 2);
      assertEquals(
          0,
          later.get("observation").get(0).asInt(),
          "step 1 played the no-op; the late [3] went nowhere");
    }

    @Test
    void anInvalidActionForfeitsTheGameButKeepsTheConnection() throws Exception {
      Player a = player(MANUAL);
      Player b = player(ONE);
      UUID game = schedule("simple", "{}", a, b);
      a.bot().act(step(a, game, 1), "[9]");
      JsonNode error = a.bot().await("INVALID_ACTION", error("INVALID_ACTION"), 10);
      assertTrue(error.get("message").asText().contains("0..3"), error.toString());
      assertEquals(game.toString(), error.get("game").asText());
      JsonNode end = end(a, game);
      assertEquals("loss", end.get("result").asText());
      assertEquals("invalid_action", end.get("reason").asText());
      assertEquals("win", end(b, game).get("result").asText());
      assertEquals("INVALID_ACTION/invalid_action", stored(game));
      a.bot().send(Json.object().put("type", "ping"));
      a.bot().await("pong", type("pong"), 5);
    }

    @Test
    void aNaNActionIsAnInvalidAction() throws Exception {
      Player a = player(MANUAL);
      Player b = player(ONE);
      UUID game = schedule("simple", "{}", a, b);
      a.bot().act(step(a, game, 1), "[NaN]"); // what Python's json.dumps writes for float('nan')
      assertTrue(
          a.bot()
              .await("INVALID_ACTION", error("INVALID_ACTION"), 10)
              .get("message")
              .asText()
              .contains("NaN"));
      assertEquals("invalid_action", end(a, game).get("reason").asText());
    }

    @Test
    void missedDeadlinesPlayTheNoOpThenForfeit() throws Exception {
      Player a = player(MANUAL);
      Player b = player(ONE);
      UUID game = schedule("simple", "{\"deadline_ms\":200,\"max_timeouts\":2}", a, b);
      JsonNode end = end(a, game);
      assertEquals("timeout", end.get("reason").asText());
      assertEquals("loss", end.get("result").asText());
      assertEquals(2, a.bot().all(error("TIMEOUT")).size());
      assertEquals("win", end(b, game).get("result").asText());
      assertEquals("TIMEOUT/timeout", stored(game));
    }

    @Test
    void malformedFramesAreBadMessagesAndTheConnectionStays() throws Exception {
      Player p = player(MANUAL);
      p.bot().sendText("{not json");
      p.bot().sendText("[1,2]");
      p.bot().sendText("{\"type\":\"dance\"}");
      p.bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + UUID.randomUUID()
                  + "\",\"spot\":\"0\",\"seq\":1,\"action\":[1]}");
      p.bot().sendText("{\"type\":\"ready\",\"ready\":\"yes\"}");
      p.bot().sendBinary(new byte[] {1, 2, 3});
      p.bot().sendText("{\"type\":\"ping\",\"pad\":\"" + "x".repeat(70_000) + "\"}");
      p.bot().awaitCount("BAD_MESSAGE", error("BAD_MESSAGE"), 7, 10);
      List<String> messages =
          p.bot().all(error("BAD_MESSAGE")).stream().map(e -> e.get("message").asText()).toList();
      assertTrue(messages.stream().anyMatch(m -> m.contains("64 KiB")), messages.toString());
      assertTrue(messages.stream().anyMatch(m -> m.contains("binary")), messages.toString());
      assertTrue(
          messages.stream().anyMatch(m -> m.contains("unknown type 'dance'")), messages.toString());
      p.bot().send(Json.object().put("type", "ping"));
      p.bot().await("pong", type("pong"), 5);
      assertFalse(p.bot().closed.isDone());
    }

    @Test
    void repeatedAbuseClosesWith4002() throws Exception {
      Player p = player(MANUAL);
      for (int i = 0; i < 11 && !p.bot().closed.isDone(); i++) {
        int answered = p.bot().all(type("error")).size();
        p.bot().sendText("nonsense " + i);
        p.bot().awaitCount("an answer", type("error"), answered + 1, 10);
      }
      assertClosedWith(4002, p.bot());
      assertEquals(
          11, p.bot().all(error("BAD_MESSAGE")).size(), "ten tolerated, the eleventh closes");
    }

    @Test
    void aFloodIsRateLimitedThenClosed() throws Exception {
      try (RawSocket flooder = flooder()) {
        assertEquals(4002, flooder.closeCode(15), "frames " + flooder.texts.size());
        assertTrue(flooder.count("RATE_LIMITED") >= 1, "RATE_LIMITED came before the close");
        long pongs = flooder.count("\"pong\"");
        assertTrue(
            pongs >= 190 && pongs <= 200, "the frames within the limit were answered: " + pongs);
      }
    }

    @Test
    void aDisconnectEndsTheGameOnceAndTheOpponentWaitsAgain() throws Exception {
      Player leaver = player(MANUAL);
      Player stayer = player(ONE, true);
      UUID game = schedule("simple", "{}", leaver, stayer);
      leaver.bot().act(step(leaver, game, 1), "[1]");
      step(leaver, game, 2);
      leaver
          .bot()
          .close(); // not back within the grace period (or its timeouts in a row): it forfeits
      JsonNode end = end(stayer, game);
      assertEquals("win", end.get("result").asText());
      assertEquals("disconnect", end.get("reason").asText());
      assertEquals("DISCONNECTED/disconnect", stored(game));
      Thread.sleep(500);
      assertEquals(1, stayer.bot().all(of("game_end", game)).size());
      assertEquals("QUEUED", sessionState(stayer), "the opponent is back in matchmaking");
    }

    @Test
    void aBotGoneBeforeItPlayedAStepCallsTheGameOffUnrated() throws Exception {
      Player leaver = player(MANUAL);
      Player stayer = player(ONE, true);
      UUID game = schedule("simple", "{}", leaver, stayer);
      step(leaver, game, 1);
      leaver.bot().close();
      JsonNode end = end(stayer, game);
      assertEquals("aborted", end.get("result").asText());
      assertEquals("disconnect", end.get("reason").asText());
      assertEquals("ABORTED/disconnect", stored(game));
    }
  }

  /**
   * A connected bot that floods: three times the frame limit in one write, so that the server gets
   * the burst at once whatever this machine's speed (the verdict must not depend on how fast the
   * test writes).
   */
  RawSocket flooder() throws Exception {
    String name = "flood" + names.incrementAndGet();
    RawSocket raw = RawSocket.connect(stack.botUrl(1));
    raw.send(
        "{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + stack.addBot("protocol", name) + "\"}");
    assertTrue(raw.awaitText("welcome", 15), "welcomed: " + raw.texts);
    raw.burst("{\"type\":\"ping\"}", 600);
    return raw;
  }

  /**
   * Both bots of a pair played every game to its normal end (30 steps of [1], a draw) and heard no
   * error.
   */
  void assertThePairPlayedUntouched(Player good, Player other, List<UUID> games) throws Exception {
    for (UUID game : games) {
      for (Player p : List.of(good, other)) {
        JsonNode end = end(p, game);
        assertEquals("draw", end.get("result").asText(), end.toString());
        assertEquals("normal", end.get("reason").asText(), end.toString());
        assertEquals(30, p.bot().all(of("step", game)).size(), "30 steps of [1] to reach 30");
      }
      assertEquals("DRAW/normal", stored(game));
    }
    assertEquals(
        List.of(), good.bot().all(type("error")), "the pair never hears of the hostile frames");
    assertEquals(List.of(), other.bot().all(type("error")));
  }

  @Nested
  class HostileClients {

    @Test
    void badInputFromOtherSocketsNeitherStallsNorChangesAPairsGames() throws Exception {
      Player good = player(ONE);
      Player other = player(ONE);
      List<UUID> games = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        // a deadline this short turns any stall of the pair's games into a TIMEOUT they would see
        games.add(schedule("simple", "{\"target\":30,\"deadline_ms\":500}", good, other));
      }
      Player hostile = player(MANUAL);
      Player victim = player(ONE);
      UUID hostileGame = schedule("simple", "{}", hostile, victim);
      ProtocolBot silent = socket("silent").connect(stack.botUrl(1), null);
      good.bot().await("a step", type("step"), 20);

      String pairGame = games.get(0).toString();
      hostile
          .bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + pairGame
                  + "\",\"spot\":0,\"seq\":2,\"action\":[3]}");
      hostile
          .bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + pairGame
                  + "\",\"spot\":1,\"seq\":2,\"action\":[9]}");
      hostile
          .bot()
          .sendText(
              "{\"type\":\"action\",\"game\":\""
                  + hostileGame
                  + "\",\"spot\":0,\"seq\":99,\"action\":[1]}");
      hostile
          .bot()
          .sendText("{\"type\":\"action\",\"game\":7,\"spot\":0,\"seq\":1,\"action\":[1]}");
      hostile.bot().sendText("{\"type\":\"ready\",\"ready\":NaN}");
      hostile
          .bot()
          .sendText("{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + good.token() + "\"}");
      hostile.bot().sendText("x".repeat(100_000));
      hostile.bot().sendBinary(new byte[1024]);
      hostile.bot().sendText("{\"type\":\"takeover\"}");
      hostile.bot().act(step(hostile, hostileGame, 1), "[-1]");
      hostile.bot().awaitCount("STALE_ACTION", error("STALE_ACTION"), 3, 10);
      hostile.bot().await("INVALID_ACTION", error("INVALID_ACTION"), 10);
      // a flood from another socket, and enough bad frames from this one to have it closed
      try (RawSocket flooder = flooder()) {
        // one at a time, each after the answer to the last: nothing is written once the server
        // closes
        for (int i = 0; i < 11 && !hostile.bot().closed.isDone(); i++) {
          int answered = hostile.bot().all(type("error")).size();
          hostile.bot().sendText("nonsense " + i);
          hostile.bot().awaitCount("an answer", type("error"), answered + 1, 10);
        }
        assertClosedWith(4002, hostile.bot());
        assertEquals(4002, flooder.closeCode(15), "the flooder is closed too");
      }
      assertClosedWith(4001, silent);

      assertEquals(
          "win",
          end(victim, hostileGame).get("result").asText(),
          "the hostile bot's own opponent wins");
      assertThePairPlayedUntouched(good, other, games);
      assertTrue(
          good.bot().closed.getNow(0) == 0 && other.bot().closed.getNow(0) == 0,
          "the pair stays connected");
    }
  }

  /**
   * One hostile frame of many kinds, seeded: malformed JSON, wrong types, huge, negative, NaN and
   * infinite numbers, wrong seq, foreign games, unknown types, binary (null). About one in five is
   * a bad frame that counts towards closing the socket; the rest are actions the server must refuse
   * as stale without harm.
   */
  static String hostileFrame(java.util.SplittableRandom random, List<UUID> foreignGames) {
    String game = foreignGames.get(random.nextInt(foreignGames.size())).toString();
    String[] numbers = {
      "-1",
      "0",
      "1",
      "2147483648",
      "-9223372036854775809",
      "1e308",
      "NaN",
      "Infinity",
      "-Infinity",
      "0.5",
      "\"3\"",
      "null",
      "[]",
      "{}"
    };
    String n = numbers[random.nextInt(numbers.length)];
    String m = numbers[random.nextInt(numbers.length)];
    if (random.nextInt(5) > 0) {
      return switch (random.nextInt(4)) {
        case 0 ->
            "{\"type\":\"action\",\"game\":\""
                + game
                + "\",\"spot\":"
                + random.nextInt(3)
                + ",\"seq\":"
                + random.nextInt(1, 1000)
                + ",\"action\":["
                + n
                + "]}";
        case 1 ->
            "{\"type\":\"action\",\"game\":\""
                + UUID.randomUUID()
                + "\",\"spot\":0,\"seq\":1,\"action\":"
                + n
                + "}";
        case 2 ->
            "{\"type\":\"action\",\"game\":\""
                + game
                + "\",\"spot\":1,\"seq\":"
                + random.nextInt(1, 40)
                + ",\"action\":{\"deep\":[[[["
                + m
                + "]]]]}}";
        default -> "{\"type\":\"ping\",\"padding\":\"" + "x".repeat(random.nextInt(2000)) + "\"}";
      };
    }
    return switch (random.nextInt(9)) {
      case 0 ->
          "{\"type\":\"action\",\"game\":" + n + ",\"spot\":" + m + ",\"seq\":1,\"action\":[1]}";
      case 1 -> "{\"type\":\"ready\",\"ready\":" + n + ",\"id\":" + m + "}";
      case 2 -> "{\"type\":" + n + "}";
      case 3 -> "{\"type\":\"hello\",\"protocol\":" + n + ",\"token\":" + m + "}";
      case 4 -> "{\"type\":\"" + "x".repeat(random.nextInt(1, 100)) + "\"}";
      case 5 -> "x".repeat(70_000 + random.nextInt(10_000)); // over 64 KiB
      case 6 -> "[".repeat(random.nextInt(50, 5000)); // deep or cut off
      case 7 -> null; // binary
      default -> "{\"type\":\"action\"" + ",\"game\":\"" + game + "\"".repeat(random.nextInt(1, 4));
    };
  }

  @Nested
  class HostileCampaign {

    /**
     * 50 sockets send 10,000 generated hostile frames (reconnecting when closed for abuse) while a
     * pair plays: the pair's games are unchanged, the instance logged no error of ours, and its
     * live heap is back near where it started.
     */
    @Test
    void tenThousandHostileFramesChangeNothingAndLeaveNoTrace() throws Exception {
      long heapBefore = stack.liveHeap(1);
      int logFrom = stack.log(1).length();
      Player good = player(ONE);
      Player other = player(ONE);
      List<UUID> games = new ArrayList<>();
      for (int i = 0; i < 6; i++) {
        games.add(schedule("simple", "{\"target\":30,\"deadline_ms\":2000}", good, other));
      }
      List<String> tokens = new ArrayList<>();
      for (int i = 0; i < 50; i++) {
        tokens.add(stack.addBot("hostile", "campaign" + i));
      }
      java.util.SplittableRandom random = new java.util.SplittableRandom(2026_12_01);
      RawSocket[] sockets = new RawSocket[tokens.size()];
      int sent = 0;
      for (int round = 0; round < 5; round++) {
        for (int i = 0; i < sockets.length; i++) {
          if (sockets[i] == null || sockets[i].closed.isDone()) {
            if (sockets[i] != null) {
              sockets[i].close();
            }
            sockets[i] = RawSocket.connect(stack.botUrl(1));
            sockets[i].send(
                "{\"type\":\"hello\",\"protocol\":1,\"token\":\"" + tokens.get(i) + "\"}");
          }
          List<String> frames = new ArrayList<>();
          for (int f = 0; f < 40; f++) {
            frames.add(hostileFrame(random, games));
          }
          try {
            sockets[i].burst(frames);
            sent += frames.size();
          } catch (java.io.IOException closedMeanwhile) {
            // the server closed it for abuse while we wrote: next round connects again
          }
        }
        Thread.sleep(1100); // under the frame limit: the server reads them all
      }
      for (RawSocket socket : sockets) {
        socket.close();
      }
      assertTrue(sent >= 10_000 - 40 * 5, "hostile frames sent: " + sent);

      assertThePairPlayedUntouched(good, other, games);

      List<String> errors =
          stack
              .log(1)
              .substring(logFrom)
              .lines()
              .filter(
                  l ->
                      l.contains("levelValue: 1000")
                          || (l.contains("levelValue: 900") && l.contains("org.botarena")))
              .toList();
      assertEquals(List.of(), errors, "no error and no warning of ours in the instance's log");
      long heapAfter = stack.liveHeap(1);
      assertTrue(
          heapAfter < heapBefore + 48L * 1024 * 1024,
          "live heap "
              + heapBefore / 1024 / 1024
              + " MB before, "
              + heapAfter / 1024 / 1024
              + " MB after");
    }
  }

  @Nested
  class TrainingArena {

    /**
     * Eight bots of known strength in {@code simple}: bot k plays 3 with probability k/7, else 1.
     * Over the protocol, through the real matchmaker and ratings, the leaderboard must come to list
     * them strongest first.
     */
    @Test
    void theLeaderboardOrdersBotsOfDifferentStrength() throws Exception {
      int gamesToSort = 500; // each; about 3 times what the slowest run so far needed (150)
      List<String> strongestFirst = new ArrayList<>();
      List<Player> eight = new ArrayList<>();
      for (int k = 0; k < 8; k++) {
        java.util.SplittableRandom random = new java.util.SplittableRandom(k);
        double threes = k / 7.0;
        Player p = player(step -> Json.array().add(random.nextDouble() < threes ? 3 : 1), true);
        strongestFirst.add(0, p.name());
        eight.add(p);
      }
      // a budget in games, not in seconds: a slower machine plays fewer games a minute, and the
      // verdict must not depend on that (the wall clock only stops a stack that plays none)
      long deadline = System.currentTimeMillis() + 600_000;
      List<String> board = List.of();
      int fewest = 0;
      while (System.currentTimeMillis() < deadline && fewest < gamesToSort) {
        Thread.sleep(2000);
        board = new ArrayList<>();
        fewest = Integer.MAX_VALUE;
        try (Connection db = stack.database();
            PreparedStatement q =
                db.prepareStatement(
                    "select b.name, r.games from ratings r join bots b on b.id = r.bot_id where"
                        + " r.game_type = 'simple' and b.name = any (?) order by r.mu - 3 * r.sigma"
                        + " desc")) {
          q.setArray(1, db.createArrayOf("varchar", strongestFirst.toArray()));
          try (ResultSet rs = q.executeQuery()) {
            while (rs.next()) {
              board.add(rs.getString(1));
              fewest = Math.min(fewest, rs.getInt(2));
            }
          }
        }
        if (board.size() < strongestFirst.size()) {
          fewest = 0; // not all rated yet
        }
        if (fewest >= 20 && board.equals(strongestFirst)) {
          break;
        }
      }
      System.out.println("leaderboard after " + fewest + "+ games each: " + board);
      assertEquals(
          strongestFirst,
          board,
          "the leaderboard (by mu - 3 sigma) after at least " + fewest + " games each");
      // the page is read from a leaderboard that stands still: games still being played would move
      // it between the query above and the page (CI saw two bots swap there)
      for (Player p : eight) {
        p.bot().send(Json.object().put("type", "ready").put("ready", false));
      }
      List<Long> ids = eight.stream().map(Player::id).toList();
      long until = System.currentTimeMillis() + 60_000;
      while (System.currentTimeMillis() < until) {
        try (Connection db = stack.database();
            PreparedStatement q =
                db.prepareStatement(
                    "select count(*) from matches m join match_players p on p.match_id = m.id where"
                        + " p.bot_id = any (?) and (m.state in ('QUEUED', 'RUNNING') or (m.state ="
                        + " 'FINISHED' and not m.rated))")) {
          q.setArray(1, db.createArrayOf("bigint", ids.toArray()));
          try (ResultSet rs = q.executeQuery()) {
            rs.next();
            if (rs.getInt(1) == 0) {
              break;
            }
          }
        }
        Thread.sleep(200);
      }
      List<String> still = new ArrayList<>();
      try (Connection db = stack.database();
          PreparedStatement q =
              db.prepareStatement(
                  "select b.name from ratings r join bots b on b.id = r.bot_id where r.game_type ="
                      + " 'simple' and b.name = any (?) order by r.mu - 3 * r.sigma desc")) {
        q.setArray(1, db.createArrayOf("varchar", strongestFirst.toArray()));
        try (ResultSet rs = q.executeQuery()) {
          while (rs.next()) {
            still.add(rs.getString(1));
          }
        }
      }
      String page = stack.get(1, "leaderboard.xhtml");
      int previous = -1;
      for (String name : still) {
        int at = page.indexOf(">" + name + "<");
        assertTrue(at > previous, name + " is listed after the stronger bots on the page");
        previous = at;
      }
    }
  }

  /** Both SDKs, as students run them, play training matches against the real server. */
  @Nested
  class Sdks {

    private final Path pythonLog = stack.root().resolve("system-tests/target/python-sdk.log");

    @Test
    void thePythonAndJavaSdksPlayTrainingMatches() throws Exception {
      String pythonToken = stack.addBot("sdk", "python-sdk");
      String javaToken = stack.addBot("sdk", "java-sdk");
      Process python = python(pythonToken, "examples/random_agent.py:RandomAgent");
      ArenaClient java =
          new ArenaClient(URI.create(stack.botUrl(1)), javaToken, new RandomAgent())
              .maxGames(3)
              .reconnect(false);
      CompletableFuture<Integer> javaGames =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  return java.run();
                } catch (InterruptedException e) {
                  throw new IllegalStateException(e);
                }
              });
      try {
        assertTrue(
            python.waitFor(120, TimeUnit.SECONDS), "the Python bot played 3 games in 2 minutes");
        String log = Files.readString(pythonLog);
        assertEquals(0, python.exitValue(), log);
        assertTrue(log.contains("played 3 game(s)"), log);
        assertTrue(log.contains("connected as python-sdk (team sdk)"), log);
        assertEquals(3, javaGames.get(120, TimeUnit.SECONDS));
      } finally {
        python.destroyForcibly();
        java.close();
      }
      assertTrue(finishedMatches("python-sdk") >= 3, "the Python bot's matches are stored");
      assertTrue(finishedMatches("java-sdk") >= 3, "the Java bot's matches are stored");
    }

    @Test
    void aWrongTokenStopsThePythonClientWithoutRetrying() throws Exception {
      Process python = python("not-a-token", "examples/random_agent.py:RandomAgent");
      assertTrue(python.waitFor(30, TimeUnit.SECONDS), "no reconnect loop after 4001");
      String log = Files.readString(pythonLog);
      assertEquals(2, python.exitValue(), log);
      assertTrue(log.contains("closed 4001 (authentication failed)"), log);
    }

    @Test
    void aSecondJavaConnectionWithTheSameTokenEndsTheFirstWithReplaced() throws Exception {
      String token = stack.addBot("sdk", "java-twice");
      ArenaClient first =
          new ArenaClient(URI.create(stack.botUrl(1)), token, step -> new int[] {1});
      CompletableFuture<Throwable> firstEnd =
          CompletableFuture.supplyAsync(
              () -> {
                try {
                  first.run();
                  return null;
                } catch (Exception e) { // FatalCloseException expected
                  return e;
                }
              });
      Thread.sleep(1500);
      ProtocolBot second = socket("java-twice-2");
      second.connect(stack.botUrl(1), token);
      Throwable end = firstEnd.get(20, TimeUnit.SECONDS);
      assertTrue(end instanceof FatalCloseException f && f.code() == 4003, String.valueOf(end));
    }

    private Process python(String token, String agent) throws Exception {
      ProcessBuilder builder =
          new ProcessBuilder(
                  "/usr/bin/python3",
                  "-m",
                  "arena_client",
                  "--url",
                  stack.botUrl(1),
                  "--games",
                  "3",
                  "--no-reconnect",
                  agent)
              .directory(stack.root().resolve("clients/python").toFile())
              .redirectErrorStream(true)
              .redirectOutput(pythonLog.toFile()); // a file: a full pipe would stall the bot
      builder.environment().put("ARENA_TOKEN", token); // as the SDK README advises
      return builder.start();
    }

    private int finishedMatches(String bot) throws Exception {
      try (Connection db = stack.database();
          PreparedStatement q =
              db.prepareStatement(
                  "select count(*) from matches m join match_players p on p.match_id = m.id"
                      + " where p.bot_name = ? and m.state = 'FINISHED'")) {
        q.setString(1, bot);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    }
  }

  /** The operations page: the broker's queues, the instances, and requeueing a FAILED match. */
  @Nested
  class Operations {

    @Test
    void theOperationsPageShowsQueuesAndInstancesAndRequeuesAFailedMatch() throws Exception {
      // the queue gauges answer from the start, not only after the operations page was opened
      String before = stack.request(1, "/metrics").body();
      assertTrue(metric(before, "arena_queue_depth") >= 0, before);
      Player a = player(ONE);
      Player b = player(ONE);
      UUID failed = scheduler.failed("simple", "{}", 11, List.of(a.id(), b.id()));
      FacesPage page = new FacesPage(stack.portalUrl(1));
      assertFalse(page.open("admin/operations.xhtml").contains(failed.toString()), "admins only");
      stack.admin().addUser("operator", "operator password", "ADMIN", null);
      page.signIn("operator", "operator password");
      String html = page.open("admin/operations.xhtml");
      assertTrue(html.contains(">arena.matches<"), "the match queue is listed: " + html);
      assertTrue(html.contains(">DLQ<"), "the dead letters are listed");
      assertTrue(html.contains(">instance-1<"), "the instance is listed");
      assertTrue(
          html.contains(">arena.matchmaking.threshold<"), "the settings in force are listed");
      assertTrue(
          html.contains(">arena.retention.training-days<"), "the retention policy is listed");
      assertTrue(
          Pattern.compile("id=\"database-size\">[0-9.]+ [kMG]B<").matcher(html).find(),
          "the database's size: " + html);
      assertTrue(
          Pattern.compile("id=\"freed-now\">[0-9]+ replays, [0-9.]+ [kMG]B<").matcher(html).find(),
          "what the retention policy frees");
      assertTrue(html.contains(failed.toString()), "the FAILED match is listed");
      assertTrue(
          page.submit("failed", failed.toString(), "failed:matches:").contains("queued again"));
      end(a, failed);
      assertTrue(
          stored(failed).endsWith("/normal"),
          "the requeued match ran to its end: " + stored(failed));
      assertFalse(
          page.open("admin/operations.xhtml").contains(failed.toString()), "no longer FAILED");
      String metrics = stack.request(1, "/metrics").body();
      assertTrue(metric(metrics, "arena_queue_depth") >= 0, metrics);
      assertTrue(metric(metrics, "arena_queue_dead_letters") >= 0, metrics);
    }
  }

  /** Replays: the viewer's frames (compressed), the download, the bulk export. */
  @Nested
  class Replays {

    @Test
    void aFinishedGameIsServedToTheViewerCompressedAndDownloadableAndExportable() throws Exception {
      Player a = player(ONE);
      Player b = player(ONE);
      UUID game = scheduler.schedule("simple", "{}", 5, List.of(a.id(), b.id()));
      end(a, game);
      stored(game);
      // debug games are their team's: neither the viewer nor the export serves them
      assertEquals(404, stack.request(1, "/arena/api/matches/" + game + "/frames").statusCode());
      UUID trainingMatch = trainingMatchId();
      var frames =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create(stack.url(1, "api/matches/" + trainingMatch + "/frames")))
                      .header("Accept-Encoding", "gzip")
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, frames.statusCode());
      assertEquals("gzip", frames.headers().firstValue("Content-Encoding").orElse(""));
      JsonNode view =
          Json.parse(
              new String(
                  new java.util.zip.GZIPInputStream(new java.io.ByteArrayInputStream(frames.body()))
                      .readAllBytes(),
                  StandardCharsets.UTF_8));
      assertEquals("simple", view.get("game").asText());
      JsonNode first = view.get("frames").get(0);
      assertEquals(2, first.get("observations").size(), "both spots observed the first step");
      assertEquals(
          "[0,0]", first.get("observations").get("0").toString(), "simple starts at totals 0, 0");
      assertTrue(view.get("end").has("winners"));
      var download = stack.request(1, "/arena/api/matches/" + trainingMatch + "/replay");
      assertEquals(200, download.statusCode());
      assertTrue(
          download.headers().firstValue("Content-Disposition").orElse("").contains(".jsonl.gz"));
      var export =
          java.net.http.HttpClient.newHttpClient()
              .send(
                  java.net.http.HttpRequest.newBuilder(
                          URI.create(stack.url(1, "api/replays/export?game=simple&max=3")))
                      .build(),
                  java.net.http.HttpResponse.BodyHandlers.ofByteArray());
      assertEquals(200, export.statusCode());
      int entries = 0;
      try (var zip =
          new java.util.zip.ZipInputStream(new java.io.ByteArrayInputStream(export.body()))) {
        for (var entry = zip.getNextEntry(); entry != null; entry = zip.getNextEntry()) {
          assertTrue(entry.getName().endsWith(".jsonl.gz"));
          org.botarena.games.replay.Replay.read(
              new java.io.ByteArrayInputStream(zip.readAllBytes()));
          entries++;
        }
      }
      assertEquals(
          export.headers().firstValue("X-Arena-Matches").orElse("?"), Integer.toString(entries));
      assertTrue(entries >= 1 && entries <= 3, entries + " replays");
      assertEquals(
          400,
          stack.request(1, "/arena/api/replays/export?from=yesterday").statusCode(),
          "a bad date is refused");
      assertTrue(
          stack
              .get(1, "replay.xhtml?match=" + trainingMatch)
              .contains("/api/matches/" + trainingMatch + "/frames"));
    }

    /** A training match: two bots ready for games play one. */
    private UUID trainingMatchId() throws Exception {
      player(ONE, true);
      player(ONE, true);
      for (int i = 0; i < 100; i++) {
        try (Connection db = stack.database();
            PreparedStatement q =
                db.prepareStatement(
                    "select m.id from matches m join arenas a on a.id = m.arena_id where a.kind ="
                        + " 'TRAINING' and m.state = 'FINISHED' limit 1");
            ResultSet rs = q.executeQuery()) {
          if (rs.next()) {
            return (UUID) rs.getObject(1);
          }
        }
        Thread.sleep(200);
      }
      throw new AssertionError("no training match was played");
    }
  }

  /**
   * The replay viewer in a real browser (Debian's headless Chromium), for each of the four games.
   */
  @Nested
  class ReplayViewer {

    /** A legal move in any shipped game, told apart by the observation's size. */
    final Function<JsonNode, JsonNode> anyGame =
        step -> {
          JsonNode observation = step.get("observation");
          return switch (observation.size()) {
            case 2 -> Json.array().add(1); // simple
            case 3 -> Json.array().add(step.get("seq").asInt() % 3); // rps
            case 18 -> Json.array().add(0.5).add(0.0).add(0.0).add(0.0); // hockey
            default -> { // connect4: the first open column
              int column = 0;
              while (observation.get(column).asInt() != 0) {
                column++;
              }
              yield Json.array().add(column);
            }
          };
        };

    @Test
    void theViewerPlaysAllFourGames() throws Exception {
      Player a = player(anyGame);
      Player b = player(anyGame);
      try (Browser browser = new Browser(stack.portalUrl(1))) {
        for (String game : List.of("simple", "rps", "connect4", "hockey")) {
          // one hockey round (hockey's default is comprl's 4): a replay of at most 251 steps
          String config = game.equals("hockey") ? "{\"rounds\": 1}" : "{}";
          UUID match = scheduler.schedulePublic(game, config, 3, List.of(a.id(), b.id()));
          end(a, match);
          stored(match);
          long opened = System.currentTimeMillis();
          browser.open("replay.xhtml?match=" + match);
          browser.waitForText("step 0 of");
          System.out.println(
              game + " replay loaded in " + (System.currentTimeMillis() - opened) + " ms");
          WebElement canvas = browser.find("board");
          assertEquals(game, canvas.getAttribute("data-game"));
          int steps = Integer.parseInt(browser.find("seek").getAttribute("max"));
          assertTrue(steps > 0, game + " has steps");
          browser.click("forward");
          assertEquals("1", canvas.getAttribute("data-step"), "one step forward");
          assertTrue(
              browser.find("side").getText().contains("observation:"),
              "the spots' observations are shown");
          browser.click("play");
          new WebDriverWait(browser.driver, Duration.ofSeconds(30))
              .until(d -> Integer.parseInt(canvas.getAttribute("data-step")) > 1);
          browser.click("play"); // pause
          ((JavascriptExecutor) browser.driver)
              .executeScript(
                  "var s = document.getElementById('seek'); s.value = s.max; s.dispatchEvent(new"
                      + " Event('input'));");
          assertEquals(
              String.valueOf(steps), canvas.getAttribute("data-step"), "seeked to the end");
          assertTrue(browser.find("side").getText().contains("end: "), game + ": the end is shown");
          browser.click("back");
          assertEquals(
              String.valueOf(steps - 1), canvas.getAttribute("data-step"), "one step back");
          // the canvas was drawn on: not a blank image
          Object image =
              ((JavascriptExecutor) browser.driver)
                  .executeScript("return document.getElementById('board').toDataURL().length");
          assertTrue(
              Long.parseLong(String.valueOf(image)) > 2000, game + " drew something: " + image);
        }
        assertEquals(
            List.of(),
            browser.policyRefusals(),
            "the viewer ran under the Content-Security-Policy");
      }
    }
  }

  /**
   * Observers: {@code /arena/ws/watch/{game}} streams a running game live and a finished one from
   * its replay.
   */
  @Nested
  class Watching {

    @Test
    void aRunningGameIsStreamedLiveFromItsStatesSoFarToItsEnd() throws Exception {
      Player a = player(ONE);
      Player b = player(MANUAL);
      UUID game = scheduler.schedulePublic("simple", "{}", 9, List.of(a.id(), b.id()));
      JsonNode first = step(b, game, 1);
      ProtocolBot watcher = socket("watcher");
      watcher.connect(stack.watchUrl(1, game), null);
      assertEquals("simple", watcher.await("header", type("header"), 10).get("game_type").asText());
      watcher.await("the start", f -> type("frame").test(f) && f.get("seq").asInt() == 0, 10);
      b.bot().act(first, "[1]");
      watcher.await("step 1, live", f -> type("frame").test(f) && f.get("seq").asInt() == 1, 10);
      for (long seq = 2; ; seq++) {
        long wanted = seq;
        JsonNode next =
            b.bot()
                .await(
                    "step " + wanted + " or the end",
                    f ->
                        of("game_end", game).test(f)
                            || (of("step", game).test(f) && f.get("seq").asLong() == wanted),
                    20);
        if (next.path("type").asText().equals("game_end")) {
          break;
        }
        b.bot().act(next, "[1]");
      }
      JsonNode end = watcher.await("game_end", type("game_end"), 20);
      assertTrue(end.get("outcome").has("winners"), end.toString());
      assertEquals(1000, watcher.closed.get(10, TimeUnit.SECONDS), "closed normally after the end");
      assertConsecutiveFrames(watcher, steps(game));
    }

    @Test
    void aFinishedGameIsStreamedFromItsReplayAndPrivateOrUnknownGamesAreRefused() throws Exception {
      Player a = player(ONE);
      Player b = player(ONE);
      UUID game = scheduler.schedulePublic("rps", "{}", 4, List.of(a.id(), b.id()));
      end(a, game);
      stored(game);
      ProtocolBot watcher = socket("late-watcher");
      watcher.connect(stack.watchUrl(1, game), null);
      watcher.await("game_end", type("game_end"), 20);
      assertConsecutiveFrames(watcher, steps(game));
      UUID debug = scheduler.schedule("simple", "{}", 4, List.of(a.id(), b.id()));
      ProtocolBot nosy = socket("nosy");
      nosy.connect(stack.watchUrl(1, debug), null);
      assertEquals("FORBIDDEN", nosy.await("refusal", type("error"), 10).get("code").asText());
      ProtocolBot lost = socket("lost");
      lost.connect(stack.watchUrl(1, UUID.randomUUID()), null);
      assertEquals("NOT_FOUND", lost.await("refusal", type("error"), 10).get("code").asText());
      end(a, debug);
    }

    private void assertConsecutiveFrames(ProtocolBot watcher, int steps) {
      List<Integer> seqs =
          watcher.all(type("frame")).stream().map(f -> f.get("seq").asInt()).toList();
      List<Integer> expected = new ArrayList<>();
      for (int i = 0; i <= steps; i++) {
        expected.add(i);
      }
      assertEquals(expected, seqs, "the start, then every step once, in order");
    }

    private int steps(UUID game) throws Exception {
      try (Connection db = stack.database();
          PreparedStatement q = db.prepareStatement("select steps from matches where id = ?")) {
        q.setObject(1, game);
        try (ResultSet rs = q.executeQuery()) {
          rs.next();
          return rs.getInt(1);
        }
      }
    }
  }
}

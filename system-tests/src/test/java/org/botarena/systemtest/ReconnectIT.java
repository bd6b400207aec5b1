package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Function;
import org.botarena.client.ArenaClient;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Bots that lose their connection and bots that leave, on two instances playing hockey: a bot cut
 * off mid-game comes back on the other instance and the same game goes on to its end; a bot that
 * does not come back forfeits after the grace period (5 s here, 10 s by default); a Python SDK bot
 * run with {@code --games 1} leaves matchmaking before its game ends, so that no further match is
 * rated for it (the Java SDK with {@code maxGames(1)} the same). Conditions are awaited, never
 * timed: 20 timeouts in a row are allowed here, so the missed steps of a bot on its way back never
 * decide a game; no house bots fill in, so the bots here meet each other.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ReconnectIT {

  private static final int GRACE_SECONDS = 5;

  /**
   * Steps a bot answers before it holds the next one and is cut off: the game is well under way.
   */
  private static final int CUT_AT = 10;

  private static final JsonNode STILL = Json.array().add(0.0).add(0.0).add(0.0).add(0.0);

  private final Stack stack =
      Stack.MATCHES
          .copy()
          .with("ARENA_TRAINING_GAME", "hockey")
          .with("ARENA_MATCH_RECONNECT_GRACE_SECONDS", Integer.toString(GRACE_SECONDS))
          .with("ARENA_STEP_MAX_TIMEOUTS", "20")
          .with("ARENA_MATCHMAKING_HOUSE_FILL_BOTS", "none");
  private final List<ProtocolBot> bots = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    stack.start(2);
  }

  @AfterEach
  void closeBots() {
    bots.forEach(ProtocolBot::close);
    bots.clear();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aBotCutOffMidGameComesBackOnTheOtherInstanceAndTheSameGameEndsNormally() throws Exception {
    String token = stack.addBot("grace", "comeback");
    bot(1, "partner", stack.addBot("grace-partner", "partner"), step -> STILL);
    CompletableFuture<JsonNode> held = new CompletableFuture<>();
    ProtocolBot first = bot(1, "comeback", token, holdingAt(held));
    UUID game = UUID.fromString(held.get(180, TimeUnit.SECONDS).get("game").asText());
    long botId = botId("comeback");

    first.cut();
    awaitNoSession(
        botId); // the server saw the connection go: this is the grace period, not a takeover
    ProtocolBot back = bot(2, "comeback-again", token, step -> STILL).answeringReady(false);
    JsonNode resumed = back.await("a step of the same game", ProtocolBot.of("step", game), 60);
    assertTrue(
        resumed.get("seq").asLong() >= CUT_AT, "the game went on from where it was: " + resumed);
    assertEquals(
        "welcome",
        back.received.get(0).get("type").asText(),
        "the welcome comes first: " + back.received);
    JsonNode end = back.await("the game's end", ProtocolBot.of("game_end", game), 180);
    assertEquals("normal", end.get("reason").asText(), "the game ended normally: " + end);

    String stored = awaitStored(game);
    assertTrue(stored.startsWith("WIN/") || stored.startsWith("DRAW/"), stored);
    assertTrue(steps(game) > CUT_AT, "steps played: " + steps(game));
    awaitRated(game);
    assertEquals(
        2, count("select count(*) from rating_history where match_id = ?", game), "rated once");
  }

  @Test
  void aBotThatDoesNotComeBackForfeitsAfterTheGracePeriod() throws Exception {
    bot(2, "opponent", stack.addBot("gone-partner", "opponent"), step -> STILL);
    CompletableFuture<JsonNode> held = new CompletableFuture<>();
    ProtocolBot leaving = bot(2, "gone", stack.addBot("gone", "gone"), holdingAt(held));
    UUID game = UUID.fromString(held.get(180, TimeUnit.SECONDS).get("game").asText());
    leaving.cut();

    assertEquals("DISCONNECTED/disconnect", awaitStored(game));
    assertEquals("loss", result(game, "gone"), "the bot that stayed away lost");
    awaitRated(game);
  }

  /**
   * The leader forgets the sessions of an instance it takes for dead; a connection that is still
   * live there (the instance was frozen, or its heartbeat was held up) must get its session back,
   * or its bot is never paired again. Here the row is deleted by hand, as the leader's housekeeping
   * does; the instance's next heartbeat (every 5 s) gives it back and asks ready? again.
   */
  @Test
  void aLiveConnectionWhoseSessionWasForgottenGetsItBackAndIsPairedAgain() throws Exception {
    bot(1, "steady", stack.addBot("forgotten-partner", "steady"), step -> STILL);
    ProtocolBot lost =
        bot(1, "forgotten", stack.addBot("forgotten", "forgotten"), step -> STILL)
            .answeringReady(false);
    JsonNode welcome = lost.await("welcome", ProtocolBot.type("welcome"), 30);
    long botId = welcome.get("bot").get("id").asLong();
    lost.await("out of matchmaking", ProtocolBot.type("message"), 30); // it said it is not ready
    lost.awaitCount("ready?", ProtocolBot.type("ready?"), 1, 1);

    lost.answeringReady(true);
    assertEquals(
        1, count("delete from bot_sessions where bot_id = " + botId + " returning 1", null));
    lost.awaitCount("ready? asked again", ProtocolBot.type("ready?"), 2, 30);
    assertEquals(
        welcome.get("session").asText(),
        text("select id::text from bot_sessions where bot_id = " + botId),
        "the same connection's session, back");
    lost.await("a game with the partner", ProtocolBot.type("game_start"), 120);
  }

  @Test
  void aPythonBotPlayingOneGameLeavesAndNoFurtherMatchIsRatedForIt() throws Exception {
    AtomicBoolean left = new AtomicBoolean();
    bot(1, "stayer", stack.addBot("stay", "stayer"), untilLeft(left));
    Path log = Files.createTempFile("py-once", ".log");
    ProcessBuilder builder =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-m",
                "arena_client",
                "--url",
                stack.botUrl(1),
                "--games",
                "1",
                "examples/hockey_chaser.py:HockeyChaser")
            .directory(stack.root().resolve("clients/python").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile()); // a file: a full pipe would stall the bot
    builder.environment().put("ARENA_TOKEN", stack.addBot("leave", "py-once"));
    Process python = builder.start();
    try {
      awaitOutOfMatchmakingWhilePlaying("py-once");
      left.set(true);
      assertTrue(
          python.waitFor(300, TimeUnit.SECONDS),
          "the bot did not stop after its game: " + Files.readString(log));
    } finally {
      python.destroyForcibly();
    }
    String out = Files.readString(log);
    assertEquals(0, python.exitValue(), out);
    assertTrue(out.contains("leaving matchmaking"), out);
    assertLeftWithOneGamePlayed("py-once");
  }

  @Test
  void aJavaBotPlayingOneGameLeavesAndNoFurtherMatchIsRatedForIt() throws Exception {
    AtomicBoolean left = new AtomicBoolean();
    bot(2, "stayer-java", stack.addBot("stay-java", "stayer-java"), untilLeft(left));
    ArenaClient client =
        new ArenaClient(
                URI.create(stack.botUrl(2)),
                stack.addBot("leave-java", "java-once"),
                step -> new double[] {0, 0, 0, 0})
            .maxGames(1);
    CompletableFuture<Integer> played =
        CompletableFuture.supplyAsync(
            () -> {
              try {
                return client.run();
              } catch (InterruptedException e) {
                throw new IllegalStateException(e);
              }
            });
    try {
      awaitOutOfMatchmakingWhilePlaying("java-once");
      left.set(true);
      assertEquals(1, played.get(300, TimeUnit.SECONDS));
    } finally {
      client.close();
    }
    assertLeftWithOneGamePlayed("java-once");
  }

  /**
   * Its one game played, the bot has gone, and whatever was made for it meanwhile ended called off
   * and unrated: its rating counts one game.
   */
  private void assertLeftWithOneGamePlayed(String name) throws Exception {
    // whatever was made for it before it left has ended (called off), and none of it counts
    long deadline = System.currentTimeMillis() + 120_000;
    while (count(
            "select count(*) from matches m join match_players p on p.match_id = m.id"
                + " where p.bot_name = '"
                + name
                + "' and m.state in ('QUEUED', 'RUNNING')",
            null)
        > 0) {
      assertTrue(System.currentTimeMillis() < deadline, "a match of the bot that left never ended");
      Thread.sleep(500);
    }
    assertEquals(
        1,
        count(
            "select count(*) from matches m join match_players p on p.match_id = m.id"
                + " where p.bot_name = '"
                + name
                + "' and m.end_state <> 'ABORTED'",
            null),
        "one game played");
    assertEquals(
        0,
        count(
            "select count(*) from matches m join match_players p on p.match_id = m.id"
                + " where p.bot_name = '"
                + name
                + "' and m.end_state = 'ABORTED' and m.rated",
            null),
        "a called-off game is not rated");
    UUID played =
        UUID.fromString(
            text(
                "select m.id::text from matches m join match_players p on p.match_id = m.id"
                    + " where p.bot_name = '"
                    + name
                    + "' and m.end_state <> 'ABORTED'"));
    awaitRated(played);
    assertEquals(
        1,
        count(
            "select coalesce(sum(r.games), 0) from ratings r join bots b on b.id = r.bot_id"
                + " where b.name = '"
                + name
                + "'",
            null),
        "its rating counts the one game it played");
  }

  /**
   * Answers no step until {@code left} (the test saw the other bot out of matchmaking in the middle
   * of their game), then every step: the game cannot end before the leave was seen.
   */
  private static Function<JsonNode, JsonNode> untilLeft(AtomicBoolean left) {
    return step -> left.get() ? STILL : null;
  }

  /** The bot told the server it wants no further game while its game was running. */
  private void awaitOutOfMatchmakingWhilePlaying(String name) throws Exception {
    long deadline = System.currentTimeMillis() + 120_000;
    while (count(
            "select count(*) from bot_sessions s join bots b on b.id = s.bot_id where b.name = '"
                + name
                + "' and not s.wants_games and exists (select 1 from matches m join match_players p"
                + " on p.match_id = m.id where p.bot_id = s.bot_id and m.state = 'RUNNING')",
            null)
        == 0) {
      assertTrue(
          System.currentTimeMillis() < deadline, name + " never left matchmaking during its game");
      Thread.sleep(100);
    }
  }

  /**
   * Answers steps until its {@code CUT_AT}-th, which it holds (completing {@code held}) and never
   * answers.
   */
  private static Function<JsonNode, JsonNode> holdingAt(CompletableFuture<JsonNode> held) {
    return step -> {
      if (held.isDone() || step.get("seq").asLong() < CUT_AT) {
        return held.isDone() ? null : STILL;
      }
      held.complete(step);
      return null;
    };
  }

  private ProtocolBot bot(
      int instance, String name, String token, Function<JsonNode, JsonNode> policy)
      throws Exception {
    ProtocolBot bot = new ProtocolBot(name, policy);
    bots.add(bot);
    return bot.connect(stack.botUrl(instance), token);
  }

  private void awaitNoSession(long botId) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (count("select count(*) from bot_sessions where bot_id = " + botId, null) > 0) {
      assertTrue(
          System.currentTimeMillis() < deadline, "the cut connection's session was never closed");
      Thread.sleep(50);
    }
  }

  /** The match's end state and reason once it is FINISHED. */
  private String awaitStored(UUID game) throws Exception {
    long deadline = System.currentTimeMillis() + 180_000;
    while (true) {
      String stored =
          text(
              "select end_state || '/' || end_reason from matches where state = 'FINISHED' and id ="
                  + " '"
                  + game
                  + "'");
      if (stored != null) {
        return stored;
      }
      assertTrue(System.currentTimeMillis() < deadline, "match " + game + " never finished");
      Thread.sleep(200);
    }
  }

  private void awaitRated(UUID game) throws Exception {
    long deadline = System.currentTimeMillis() + 60_000;
    while (count("select count(*) from matches where rated and id = ?", game) == 0) {
      assertTrue(System.currentTimeMillis() < deadline, "match " + game + " never rated");
      Thread.sleep(200);
    }
  }

  private long botId(String name) throws Exception {
    return Long.parseLong(text("select id::text from bots where name = '" + name + "'"));
  }

  private int steps(UUID game) throws Exception {
    return count("select steps from matches where id = ?", game);
  }

  private String result(UUID game, String bot) throws Exception {
    return text(
        "select result from match_players where match_id = '"
            + game
            + "' and bot_name = '"
            + bot
            + "'");
  }

  private int count(String query, UUID game) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q = db.prepareStatement(query)) {
      if (game != null) {
        q.setObject(1, game);
      }
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return rs.getInt(1);
      }
    }
  }

  private String text(String query) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q = db.prepareStatement(query);
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getString(1) : null;
    }
  }
}

package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.jms.JMSContext;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;
import org.botarena.games.replay.Replay;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The walking skeleton end to end: two Payara Micro instances, one broker, one database; bots on
 * instance 1 play at least 20 matches, some run by instance 2 (steps cross the broker), and the
 * database holds each match finished once, rated once, with its replay.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TwoInstanceMatchesIT {

  private static final int BOTS = 8;
  private static final int MATCHES = 20;

  private final Stack stack = Stack.MATCHES;
  private final List<ProtocolBot> bots = new ArrayList<>();

  /** The instance that is still up after the failover test. */
  private int survivor = 1;

  @BeforeAll
  void start() throws Exception {
    stack.start(2);
  }

  @AfterAll
  void stop() throws Exception {
    bots.forEach(ProtocolBot::close);
    stack.close();
  }

  @Test
  @Order(1)
  void theBrokerRefusesAnonymousClientsAndWrongPasswords() throws Exception {
    for (ActiveMQConnectionFactory intruder :
        List.of(
            new ActiveMQConnectionFactory(stack.brokerUrl()),
            new ActiveMQConnectionFactory(stack.brokerUrl(), "arena", "not-the-password"),
            new ActiveMQConnectionFactory(stack.brokerUrl(), "admin", "admin"))) {
      try (intruder) {
        assertThrows(
            jakarta.jms.JMSSecurityRuntimeException.class,
            () -> {
              try (JMSContext jms = intruder.createContext()) {
                jms.createProducer().send(jms.createTopic("arena.io"), "{\"forged\":true}");
              }
            },
            "whoever reaches the broker's port cannot inject frames");
      }
    }
    try (ActiveMQConnectionFactory app = stack.broker();
        JMSContext jms = app.createContext()) {
      jms.createProducer()
          .send(jms.createQueue("DLQ"), "not the application's address"); // refused below
    } catch (jakarta.jms.JMSSecurityRuntimeException expected) {
      return; // the application's user is limited to arena.*
    }
    throw new AssertionError("the application's user could send to DLQ");
  }

  @Test
  @Order(1)
  void aBadTokenIsRefusedWith4001() throws Exception {
    try (ProtocolBot intruder = new ProtocolBot("intruder", step -> null)) {
      intruder.connect(stack.botUrl(1), "arena_not-a-token");
      JsonNode error = intruder.next(10);
      assertEquals("error", error.get("type").asText());
      assertEquals("AUTH_FAILED", error.get("code").asText());
      assertEquals(4001, intruder.closed.get(10, java.util.concurrent.TimeUnit.SECONDS));
    }
  }

  @Test
  @Order(2)
  void matchesRunAcrossInstancesAndAreStoredAndRatedOnce() throws Exception {
    for (int i = 0; i < BOTS; i++) {
      String token = stack.addBot("team" + (i % 4), "bot" + i);
      SplittableRandom random = new SplittableRandom(i);
      ProtocolBot bot = new ProtocolBot("bot" + i, step -> Json.array().add(random.nextInt(4)));
      bots.add(bot.connect(stack.botUrl(1), token));
    }
    JsonNode welcome = bots.get(0).next(20);
    assertEquals("welcome", welcome.get("type").asText(), "first frame: " + welcome);

    awaitRatedMatches(MATCHES, 240);
    bots.forEach(ProtocolBot::close);
    awaitNothingRunning(
        60); // games interrupted by the disconnects end (after the grace period) and are stored
    int duplicates = resendResults(3);
    assertTrue(duplicates >= 3 * MATCHES, duplicates + " duplicated result messages");
    Thread.sleep(3000); // both instances' rating MDBs race for them

    try (Connection db = stack.database();
        Statement sql = db.createStatement()) {
      int finished = count(sql, "select count(*) from matches where state = 'FINISHED'");
      assertTrue(finished >= MATCHES, finished + " finished matches");
      assertEquals(
          0,
          count(
              sql,
              "select count(*) from matches m where state = 'FINISHED' and (select count(*) from"
                  + " match_players p where p.match_id = m.id and p.result is not null) <> 2"),
          "every finished match has both results");
      assertEquals(
          0,
          count(
              sql,
              "select count(*) from matches m where state = 'FINISHED'"
                  + " and not exists (select 1 from replays r where r.match_id = m.id)"),
          "every finished match has a replay");
      int rated = count(sql, "select count(*) from matches where rated");
      assertEquals(
          2 * rated,
          count(sql, "select count(*) from rating_history"),
          "two rating updates per rated match");
      assertEquals(
          2 * rated,
          count(sql, "select coalesce(sum(games), 0) from ratings"),
          "each rated match counted once per bot");
      assertEquals(
          0,
          count(
              sql,
              "select count(*) from matches where state = 'FINISHED'"
                  + " and end_state not in ('DISCONNECTED', 'ABORTED') and not rated"),
          "every decided match is rated");
      int crossed =
          count(
              sql,
              "select count(*) from matches m where state = 'FINISHED' and instance = 'instance-2'"
                  + " and exists (select 1 from match_players p where p.match_id = m.id and"
                  + " p.gateway = 'instance-1')");
      assertTrue(crossed > 0, "some matches of instance-1's bots ran on instance-2");
      checkReplay(sql);
    }
    JsonNode second = Json.parse(stack.get(2, "api/status"));
    JsonNode first = Json.parse(stack.get(1, "api/status"));
    assertTrue(
        second.get("io_remote_sent").asLong() > 0,
        "instance-2 sent steps through the broker: " + second);
    assertTrue(first.get("io_remote_received").asLong() > 0, "instance-1 received them: " + first);

    String page = stack.get(1, "leaderboard.xhtml");
    assertTrue(page.contains("bot0") && page.contains("bot7"), "the leaderboard lists the bots");
  }

  @Test
  @Order(3)
  void whenTheLeaderDiesTheOtherInstanceTakesOverMatchmakingWithinTenSeconds() throws Exception {
    int leader = Json.parse(stack.get(1, "api/status")).get("leader").asBoolean() ? 1 : 2;
    survivor = 3 - leader;
    assertTrue(
        Json.parse(stack.get(leader, "api/status")).get("leader").asBoolean(),
        "one instance leads");
    long killed = System.currentTimeMillis();
    stack.kill(leader);
    while (!Json.parse(stack.get(survivor, "api/status")).get("leader").asBoolean()) {
      assertTrue(System.currentTimeMillis() - killed < 10_000, "no new leader 10 s after the kill");
      Thread.sleep(200);
    }
    System.out.println(
        "matchmaking leader taken over "
            + (System.currentTimeMillis() - killed)
            + " ms after the kill");
    // the new leader pairs bots, and never puts a bot in two training matches at once
    for (int i = 0; i < 4; i++) {
      String token = stack.addBot("failover", "after" + i);
      SplittableRandom random = new SplittableRandom(i);
      bots.add(
          new ProtocolBot("after" + i, step -> Json.array().add(random.nextInt(4)))
              .connect(stack.botUrl(survivor), token));
    }
    long deadline = System.currentTimeMillis() + 60_000;
    int played = 0;
    while (played < 10) {
      assertTrue(
          System.currentTimeMillis() < deadline, "only " + played + " matches after the failover");
      try (Connection db = stack.database();
          Statement sql = db.createStatement()) {
        assertEquals(
            0,
            count(
                sql,
                "select count(*) from (select p.bot_id from match_players p join matches m on m.id"
                    + " = p.match_id join bots b on b.id = p.bot_id where b.name like 'after%' and"
                    + " m.state in ('QUEUED', 'RUNNING') group by p.bot_id having count(*) > 1)"
                    + " twice"),
            "a bot scheduled twice at once");
        played =
            count(
                sql,
                "select count(*) from matches m where state = 'FINISHED' and exists (select 1 from"
                    + " match_players p join bots b on b.id = p.bot_id where p.match_id = m.id and"
                    + " b.name like 'after%')");
      }
      Thread.sleep(300);
    }
  }

  @Test
  @Order(4)
  void everyStoredReplayReSimulatesAndATamperedOneShowsOnTheOperationsPage() throws Exception {
    awaitLeaderChecks(60);
    int stored;
    try (Connection db = stack.database();
        Statement sql = db.createStatement()) {
      stored = count(sql, "select count(*) from replays");
      assertEquals(
          0,
          count(sql, "select count(*) from replay_verifications where mismatches > 0"),
          "the leader's checks found nothing");
    }
    Stack.Ran clean = stack.launcherStatus(300, "admin", "verify-replays");
    assertEquals(0, clean.exit(), clean.output());
    String summary = clean.output().strip().lines().reduce((a, b) -> b).orElseThrow();
    java.util.regex.Matcher counts =
        java.util.regex.Pattern.compile(
                "^verified (\\d+) replays \\((\\d+) frames\\): (\\d+) consistent, 0 with"
                    + " mismatches \\(0 mismatches\\)$")
            .matcher(summary);
    assertTrue(counts.find(), clean.output());
    assertTrue(
        Integer.parseInt(counts.group(1)) >= stored && stored > 0,
        stored + " replays stored before the run: " + summary);
    assertEquals(counts.group(1), counts.group(3), summary);

    String tampered = tamperFirstAction();
    Stack.Ran found = stack.launcherStatus(300, "admin", "verify-replays", "--game", "simple");
    assertEquals(1, found.exit(), found.output());
    assertTrue(
        found.output().contains("match " + tampered + " (simple): step 1, state at "),
        found.output());
    assertTrue(found.output().contains(" 1 with mismatches ("), found.output());

    stack.admin().addUser("verifier", "verifier password", "ADMIN", null);
    FacesPage page = new FacesPage(stack.portalUrl(survivor));
    page.signIn("verifier", "verifier password");
    String html = page.open("admin/operations.xhtml");
    assertTrue(
        java.util.regex.Pattern.compile("id=\"verified-count\">[1-9][0-9]*<").matcher(html).find(),
        html);
    assertTrue(html.contains("id=\"verified-differing\">1<"), html);
    assertTrue(html.contains(">" + tampered + "<"), "the tampered match is listed: " + html);
    assertTrue(html.contains("class=\"mismatch-step\">1<"), "with its step: " + html);
  }

  @Test
  @Order(5)
  void theLearningDataLoadsInPythonWithTheDocumentedLoader() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    java.net.http.HttpResponse<byte[]> npz =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(
                        stack.url(survivor, "api/replays/export?format=npz&game=simple&max=20")))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofByteArray());
    assertEquals(200, npz.statusCode(), new String(npz.body(), StandardCharsets.UTF_8));
    assertEquals("20", npz.headers().firstValue("X-Arena-Matches").orElse("?"));
    Path file = Files.createTempFile("learning", ".npz");
    Files.write(file, npz.body());
    String docs = Files.readString(stack.root().resolve("docs/games.md"));
    int start = docs.indexOf("```python\n", docs.indexOf("## Learning data")) + 10;
    Path loader = Files.createTempFile("learn", ".py");
    Files.writeString(loader, docs.substring(start, docs.indexOf("```", start)));
    Process python =
        new ProcessBuilder("python3", loader.toString(), file.toString())
            .redirectErrorStream(true)
            .start();
    String printed = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertEquals(0, python.waitFor(), printed);
    // simple: observations [own total, other total], actions [n]
    assertTrue(printed.strip().matches("[1-9][0-9]* rows; policy weights \\(2, 1\\)"), printed);
    Files.delete(file);
    Files.delete(loader);

    String jsonl = stack.get(survivor, "api/replays/export?format=jsonl&game=simple&max=3");
    java.util.Set<String> matches = new java.util.HashSet<>();
    int done = 0;
    for (String line : jsonl.strip().split("\n")) {
      JsonNode row = Json.parse(line);
      matches.add(row.get("match").asText());
      assertEquals(2, row.get("observation").size(), line);
      assertEquals(1, row.get("action").size(), line);
      assertTrue(row.get("reward").isNumber(), line);
      done += row.get("done").asBoolean() ? 1 : 0;
    }
    assertEquals(3, matches.size(), jsonl);
    assertTrue(done > 0, "the games' ends are marked");
    assertEquals(
        400,
        stack.request(survivor, "/arena/api/replays/export?format=npz").statusCode(),
        "an .npz holds one game");
  }

  /** Waits until the leader has verified replays of its own accord (a few each round). */
  private void awaitLeaderChecks(int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    while (true) {
      try (Connection db = stack.database();
          Statement sql = db.createStatement()) {
        if (count(sql, "select count(*) from replay_verifications where checked_by = 'leader'")
            > 0) {
          return;
        }
      }
      assertTrue(
          System.currentTimeMillis() < deadline,
          "the leader verified no replay in " + seconds + " s");
      Thread.sleep(500);
    }
  }

  /**
   * Changes spot 0's first action in a decided match's stored replay (the state after it stays the
   * recorded one); returns the match.
   */
  private String tamperFirstAction() throws Exception {
    try (Connection db = stack.database();
        Statement sql = db.createStatement();
        ResultSet rs =
            sql.executeQuery(
                "select r.match_id, r.data from replays r join matches m on m.id = r.match_id"
                    + " where m.game_type = 'simple' and m.end_state in ('WIN', 'DRAW') limit 1")) {
      assertTrue(rs.next(), "a replay of a decided match");
      String match = rs.getString(1);
      Replay replay = Replay.read(new ByteArrayInputStream(rs.getBytes(2)));
      List<org.botarena.games.replay.ReplayFrame> frames = new ArrayList<>(replay.frames());
      org.botarena.games.replay.ReplayFrame first = frames.get(0);
      java.util.Map<Integer, JsonNode> actions = new java.util.TreeMap<>(first.actions());
      actions.put(0, Json.array().add((actions.get(0).get(0).intValue() + 1) % 4));
      frames.set(0, new org.botarena.games.replay.ReplayFrame(1, actions, first.state()));
      byte[] changed =
          new Replay(replay.header(), replay.initial(), frames, replay.end()).toGzipJsonLines();
      try (java.sql.PreparedStatement update =
          db.prepareStatement("update replays set data = ? where match_id = ?::uuid")) {
        update.setBytes(1, changed);
        update.setString(2, match);
        assertEquals(1, update.executeUpdate());
      }
      return match;
    }
  }

  /**
   * Publishes every finished match's result again, {@code times} over, from parallel producers:
   * redelivered and duplicated messages reach both instances at once; none may rate a match again.
   */
  private int resendResults(int times) throws Exception {
    List<String> finished = new ArrayList<>();
    try (Connection db = stack.database();
        Statement sql = db.createStatement();
        ResultSet rs = sql.executeQuery("select id from matches where state = 'FINISHED'")) {
      while (rs.next()) {
        finished.add(rs.getString(1));
      }
    }
    try (ActiveMQConnectionFactory broker = stack.broker()) {
      List<Thread> producers = new ArrayList<>();
      for (int t = 0; t < times; t++) {
        Thread producer =
            new Thread(
                () -> {
                  try (JMSContext jms = broker.createContext()) {
                    finished.forEach(
                        id -> jms.createProducer().send(jms.createTopic("arena.results"), id));
                  }
                });
        producer.start();
        producers.add(producer);
      }
      for (Thread producer : producers) {
        producer.join();
      }
    }
    return finished.size() * times;
  }

  private void checkReplay(Statement sql) throws Exception {
    try (ResultSet rs =
        sql.executeQuery(
            "select r.data, m.steps from replays r join matches m on m.id = r.match_id"
                + " where m.end_state in ('WIN', 'DRAW') limit 1")) {
      assertTrue(rs.next(), "a replay of a decided match");
      Replay replay = Replay.read(new ByteArrayInputStream(rs.getBytes(1)));
      assertEquals("simple", replay.header().game());
      assertEquals(rs.getInt(2), replay.frames().size(), "one frame per step");
      assertTrue(replay.end() != null, "the replay records the end");
    }
  }

  private void awaitNothingRunning(int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int open;
    while (true) {
      try (Connection db = stack.database();
          Statement sql = db.createStatement()) {
        open = count(sql, "select count(*) from matches where state in ('QUEUED', 'RUNNING')");
      }
      if (open == 0) {
        return;
      }
      assertTrue(
          System.currentTimeMillis() < deadline,
          open + " matches still open " + seconds + " s after the bots left");
      Thread.sleep(500);
    }
  }

  private void awaitRatedMatches(int wanted, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    int rated = 0;
    while (System.currentTimeMillis() < deadline) {
      try (Connection db = stack.database();
          Statement sql = db.createStatement()) {
        rated = count(sql, "select count(*) from matches where rated");
        if (rated >= wanted) {
          return;
        }
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("only " + rated + " rated matches after " + seconds + " s");
  }

  private static int count(Statement sql, String query) throws Exception {
    try (ResultSet rs = sql.executeQuery(query)) {
      rs.next();
      return rs.getInt(1);
    }
  }
}

package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Function;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.support.ui.Select;

/**
 * The portal in a real browser (headless Chromium): a new user signs up with the registration key,
 * forms a team, creates a bot, copies its token, connects it and follows it from the leaderboard to
 * a match page; rotating the token cuts the bot off. Then the refusals: another team's pages, the
 * admin page, the sign-in throttle, and no secret in page sources or logs.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PortalIT {

  static final String KEY = "portal-test-key";

  /** Answers every step of {@code simple} with [1]. */
  static final Function<JsonNode, JsonNode> ONE = step -> Json.array().add(1);

  final Stack stack = Stack.PORTAL;
  final List<AutoCloseable> open = new ArrayList<>();
  final List<String> secrets = new ArrayList<>();
  final AtomicInteger names = new AtomicInteger();

  @BeforeAll
  void start() throws Exception {
    stack.start(1);
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  /**
   * Whatever a test did in its browsers, PrimeFaces and the pages' scripts ran under the policy.
   */
  @AfterEach
  void closeAll() throws Exception {
    List<String> refused = new ArrayList<>();
    try {
      for (AutoCloseable c : open) {
        if (c instanceof Browser b) {
          refused.addAll(b.policyRefusals());
        }
      }
    } finally {
      for (AutoCloseable c : open) {
        c.close();
      }
      open.clear();
    }
    assertEquals(
        List.of(), refused, "the Content-Security-Policy refused something the portal does");
  }

  Browser browser() throws Exception {
    Browser b = new Browser(stack.portalUrl(1));
    open.add(b);
    return b;
  }

  ProtocolBot bot(String name) {
    ProtocolBot bot = new ProtocolBot(name, ONE);
    open.add(bot);
    return bot;
  }

  String unique(String prefix) {
    return prefix + names.incrementAndGet();
  }

  /** Signs up in the browser with the registration key; ends on the dashboard. */
  void signUp(Browser b, String user, String password) {
    secrets.add(password);
    b.open("signup.xhtml");
    b.type("signup:username", user);
    b.type("signup:password", password);
    b.type("signup:confirm", password);
    b.type("signup:key", KEY);
    b.click("signup:submit");
    b.waitForText("My bots");
    assertTrue(b.url().contains("/app/dashboard.xhtml"), b.url());
  }

  void signIn(Browser b, String user, String password) {
    b.open("signin.xhtml");
    b.type("signin:username", user);
    b.type("signin:password", password);
    b.click("signin:submit");
  }

  void createTeam(Browser b, String team) {
    b.open("app/team.xhtml");
    b.type("create:name", team);
    b.click("create:submit");
    b.waitForText("Team " + team);
  }

  /** Creates a bot on the team page and reads its token from the page (shown once). */
  String createBot(Browser b, String name) {
    b.type("newBot:name", name);
    b.click("newBot:submit");
    String token = b.find("token-value").getText().strip();
    assertTrue(token.startsWith("arena_"), token);
    secrets.add(token);
    return token;
  }

  long teamId(String team) throws Exception {
    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement().executeQuery("select id from teams where name = '" + team + "'")) {
      assertTrue(rs.next(), "no team " + team);
      return rs.getLong(1);
    }
  }

  long botId(String bot) throws Exception {
    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement().executeQuery("select id from bots where name = '" + bot + "'")) {
      assertTrue(rs.next(), "no bot " + bot);
      return rs.getLong(1);
    }
  }

  @Test
  void aNewUserFormsATeamConnectsABotAndFollowsItToAMatchPage() throws Exception {
    Browser b = browser();
    String user = unique("alice");
    String team = unique("alpha");
    String botName = unique("alpha-bot");
    signUp(b, user, "correct horse battery");
    createTeam(b, team);
    String token = createBot(b, botName);

    // shown once: a reload of the page no longer has it
    b.open("app/team.xhtml");
    b.waitForText(botName);
    assertFalse(b.source().contains(token), "the token is still in the page after a reload");
    assertTrue(b.source().contains(token.substring(0, 10)), "the page shows the token's hint");

    // the token connects; house bots fill in, so the bot plays and gets rated
    ProtocolBot player = bot(botName);
    long id = player.join(stack.botUrl(1), token);
    assertEquals(botId(botName), id);
    player.await("a finished game", ProtocolBot.type("game_end"), 90);

    b.open("app/dashboard.xhtml");
    b.waitForText(botName);
    assertTrue(b.find("bots").getText().contains("online"), b.find("bots").getText());

    // the leaderboard finds it by search and links to its page
    long deadline = System.currentTimeMillis() + 60_000;
    b.open("leaderboard.xhtml");
    b.type("board:search", botName);
    while (b.all(By.linkText(botName)).isEmpty() && System.currentTimeMillis() < deadline) {
      Thread.sleep(1000);
      b.open("leaderboard.xhtml");
      b.type("board:search", botName);
    }
    b.click(By.linkText(botName));
    b.waitForText("Head to head");
    assertTrue(b.url().contains("bot.xhtml?id=" + id), b.url());
    assertTrue(b.source().contains("Results per name"));

    // its matches, and one match's page with players, end state and the replay
    b.open("matches.xhtml?botId=" + id);
    b.click(By.className("match-link"));
    b.waitForText("Spot");
    assertTrue(b.source().contains(botName), "the match page names the bot");
    assertEquals(
        "FINISHED (attempt 1)", b.driver.findElement(By.className("match-state")).getText());
    assertFalse(b.driver.findElement(By.className("match-end")).getText().isBlank());
    assertTrue(b.driver.findElements(By.id("replay")).size() == 1, "a replay link");

    // the replays of the filtered set download as one ZIP, with a progress bar
    b.open("matches.xhtml?bot=" + botName);
    b.click("filters:export");
    b.waitForAttribute("export-status", "data-state", "done");
    assertTrue(
        b.find("export-status").getText().matches("done: [1-9][0-9]* replays, .*"),
        b.find("export-status").getText());
    assertEquals("1", b.find("export-progress").getAttribute("value"));

    assertNoSecretIn(stack.log(1), "the instance's log");
  }

  /**
   * Known failure (see the branch's report): the rotate button in the team page's bot table does
   * not reach the server (its action is not invoked), so no new token appears.
   */
  @Test
  void rotatingOrRevokingTheTokenInTheBrowserCutsTheConnectedBotOff() throws Exception {
    Browser b = browser();
    String botName = unique("rot-bot");
    signUp(b, unique("erin"), "erins password 1");
    createTeam(b, unique("epsilon"));
    String token = createBot(b, botName);
    ProtocolBot player = bot(botName);
    long id = player.join(stack.botUrl(1), token);

    // rotating the token cuts the connected bot off at once; the old token fails, the new one works
    b.open("app/team.xhtml");
    b.waitForText(botName);
    b.click(By.cssSelector("button.rotate"));
    String rotated = b.find("token-value").getText().strip();
    secrets.add(rotated);
    assertFalse(rotated.equals(token));
    assertEquals(
        4001, player.closed.get(10, TimeUnit.SECONDS), "cut off with AUTH_FAILED's close code");
    ProtocolBot old = bot(botName + "-old");
    old.connect(stack.botUrl(1), token);
    old.await("AUTH_FAILED", ProtocolBot.error("AUTH_FAILED"), 10);
    ProtocolBot fresh = bot(botName + "-new");
    assertEquals(id, fresh.join(stack.botUrl(1), rotated));

    // revoking cuts it off too
    b.open("app/team.xhtml");
    b.click(By.cssSelector("button.revoke"));
    b.click(By.cssSelector(".ui-confirmdialog-yes"));
    assertEquals(4001, fresh.closed.get(10, TimeUnit.SECONDS));
    b.waitForText("token is revoked");
    assertFalse(b.source().contains(rotated));

    assertNoSecretIn(stack.log(1), "the instance's log");
  }

  @Test
  void anotherTeamsPagesAndTheAdminPageAreRefused() throws Exception {
    Browser alice = browser();
    String team = unique("gamma");
    signUp(alice, unique("carol"), "carols password 1");
    createTeam(alice, team);
    String botName = unique("gamma-bot");
    createBot(alice, botName);
    long teamId = teamId(team);
    long botId = botId(botName);

    Browser bob = browser();
    signUp(bob, unique("bob"), "bobs password 12");
    createTeam(bob, unique("delta"));
    bob.open("app/team.xhtml?team=" + teamId);
    bob.waitForText("belongs to another team");
    assertFalse(bob.source().contains(botName), "another team's bots are not listed");
    bob.open("bot.xhtml?id=" + botId);
    bob.waitForText("Head to head");
    assertTrue(
        bob.all(By.linkText("· manage")).isEmpty() && !bob.source().contains("manage</a>"),
        "no way to manage another team's bot");
    bob.open("admin/index.xhtml");
    bob.waitForText("needs a role you do not have");

    // signed out: members' pages send to sign-in
    bob.click("nav:signOut");
    bob.waitForText("Sign in");
    bob.open("app/team.xhtml?team=" + teamId);
    bob.waitForText("No account?");
    assertTrue(bob.url().contains("signin.xhtml"), bob.url());

    // an admin made with the CLI signs in through Jakarta Security (same PBKDF2 format) and may
    // look
    String root = unique("root");
    stack.admin().addUser(root, "root password 1", "ADMIN", null);
    secrets.add("root password 1");
    signIn(bob, root, "root password 1");
    bob.waitForText("My bots");
    bob.open("admin/index.xhtml");
    bob.waitForText("Matches that FAILED");
    assertTrue(bob.source().contains(team));
    bob.open("app/team.xhtml?team=" + teamId);
    bob.waitForText(botName);

    assertNoSecretIn(stack.log(1), "the instance's log");
  }

  /**
   * An admin manages a user on the admin page in the browser: makes them admin and user again,
   * disables them (confirmed: their session ends) and enables them, and sets a new password with
   * which they then sign in.
   */
  @Test
  void anAdminManagesUsersOnTheAdminPage() throws Exception {
    String admin = unique("dean");
    String student = unique("student");
    stack.admin().addUser(admin, "dean password 1", "ADMIN", null);
    stack.admin().addUser(student, "student password 1", "USER", null);
    secrets.add("dean password 1");
    secrets.add("student password 2");
    Browser b = browser();
    signIn(b, admin, "dean password 1");
    b.waitForText("Sign out");
    b.open("admin/index.xhtml");
    // the user's own row (reflow tables put the column's title in each cell too)
    String row = "//tr[td[1]/text()[normalize-space(.) = '" + student + "']]";

    b.click(By.xpath(row + "//button[contains(., 'Make admin')]"));
    b.waitForText("Role changed.");
    awaitUserColumn(student, "role", "ADMIN");
    b.click(By.xpath(row + "//button[contains(., 'Make user')]"));
    // the page already says "Role changed.": wait for the change itself
    awaitUserColumn(student, "role", "USER");

    b.click(By.xpath(row + "//button[contains(., 'Disable')]"));
    b.click(By.cssSelector(".ui-confirmdialog-yes"));
    b.waitForText(student + " is disabled.");
    assertTrue(userColumn(student, "disabled_at") != null);
    b.click(By.xpath(row + "//button[contains(., 'Enable')]"));
    b.waitForText(student + " is enabled again.");
    assertEquals(null, userColumn(student, "disabled_at"));

    b.click("admin:passwordUser");
    b.click(By.xpath("//li[@data-label='" + student + "']"));
    b.type("admin:newPassword", "student password 2");
    b.click("admin:setPassword");
    b.waitForText("A new password is set for " + student + ".");
    Browser theirs = browser();
    signIn(theirs, student, "student password 2");
    theirs.waitForText("Sign out");
  }

  /** Waits (up to 20 s) until the user's column has the value an action on the page gives it. */
  private void awaitUserColumn(String user, String column, String value) throws Exception {
    long deadline = System.currentTimeMillis() + 20_000;
    while (!value.equals(userColumn(user, column)) && System.currentTimeMillis() < deadline) {
      Thread.sleep(200);
    }
    assertEquals(value, userColumn(user, column), user + "'s " + column);
  }

  private String userColumn(String user, String column) throws Exception {
    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select " + column + "::text from users where username = '" + user + "'")) {
      assertTrue(rs.next(), "no user " + user);
      return rs.getString(1);
    }
  }

  @Test
  void formsSayWhatIsWrongAndRepeatedFailedSignInsWait() throws Exception {
    Browser b = browser();
    b.open("signup.xhtml");
    b.type("signup:username", "no spaces allowed");
    b.type("signup:password", "short");
    b.type("signup:confirm", "short");
    b.type("signup:key", "wrong");
    b.click("signup:submit");
    b.waitForText("A username is 1-64 letters");
    assertTrue(b.source().contains("A password has 12 to 200 characters."));

    String user = unique("dave");
    b.type("signup:username", user);
    b.type("signup:password", "daves password 1");
    b.type("signup:confirm", "daves password 1");
    b.type("signup:key", "wrong key");
    b.click("signup:submit");
    b.waitForText("The registration key is not right");

    signUp(b, user, "daves password 1");
    b.click("nav:signOut");
    b.waitForText("No account?");
    for (int i = 0; i < 5; i++) {
      signIn(b, user, "wrong password " + i);
      b.waitForText("Wrong username or password.");
    }
    signIn(b, user, "daves password 1");
    b.waitForText("Too many failed sign-ins");
    assertTrue(b.url().contains("signin.xhtml"), b.url());
    assertFalse(b.source().contains("daves password 1"));
  }

  /**
   * Before: 20 failed sign-ins from anywhere locked a username for every address, so anybody could
   * lock a student out. Now (client addresses from X-Forwarded-For, the stack trusting 127.0.0.1 as
   * its proxy) failures lock their own address, past 20 in all the addresses the student never
   * signed in from are slowed down, and the student signs in from where they did before.
   */
  @Test
  void failuresFromOtherAddressesDoNotLockTheStudentOut() throws Exception {
    Browser b = browser();
    String user = unique("stu");
    String password = "stus password 12";
    signUp(b, user, password);
    String home = "203.0.113.7";
    assertTrue(
        new FacesPage(stack.portalUrl(1), home).signIn(user, password).contains("My bots"),
        "signed in at home");

    for (int attacker = 1; attacker <= 4; attacker++) {
      FacesPage guesser = new FacesPage(stack.portalUrl(1), "198.51.100." + attacker);
      for (int i = 0; i < 5; i++) {
        String page = guesser.signIn(user, "guess " + attacker + "." + i);
        assertTrue(
            page.contains("Wrong username or password."),
            "guess " + i + " from attacker " + attacker + ": " + page);
      }
      assertTrue(
          guesser.signIn(user, "guess " + attacker + ".6").contains("Too many failed sign-ins"),
          "attacker " + attacker + "'s address is locked");
    }
    assertTrue(
        new FacesPage(stack.portalUrl(1), "198.51.100.99")
            .signIn(user, "one more guess")
            .contains("Too many failed sign-ins"),
        "20 failures in all: a new address waits");
    String again = new FacesPage(stack.portalUrl(1), home).signIn(user, password);
    assertTrue(
        again.contains("My bots") && !again.contains("Too many failed"),
        "the student still signs in at home");
  }

  /**
   * A debug arena session in the browser: the config is validated, spot tokens are issued, a game
   * of two connected spots starts held, is stepped, taken back a step and resumed while watched
   * live; the rewind decides the result. Another team can neither watch it nor open the arena.
   */
  @Test
  void aDebugArenaSessionConfiguresStartsWatchesStepsAndRewinds() throws Exception {
    Browser b = browser();
    String user = unique("dora");
    signUp(b, user, "doras password 12");
    createTeam(b, unique("delta"));
    b.click(By.linkText("Debug"));
    b.waitForText("Debug arena of " + user);

    // the config is checked with the game's own words
    b.type("game:config", "{\"target\": 10, \"colour\": 1}");
    b.click("game:save");
    b.waitForText("unknown config key 'colour'");
    b.type("game:config", "{\"target\": 10,");
    b.click("game:save");
    b.waitForText("The config is not JSON");
    b.type("game:config", "{\"target\": 10, \"deadline_ms\": 30000}");
    b.click("game:save");
    b.waitForText("Saved");

    // a token per spot; spot 0 plays [1] until the game is taken back, then [3]; spot 1 plays [2]
    b.click("spots:tokens");
    String spot0 = b.find("spot-token-0").getText().strip();
    String spot1 = b.find("spot-token-1").getText().strip();
    secrets.add(spot0);
    secrets.add(spot1);
    AtomicBoolean rewound = new AtomicBoolean();
    ProtocolBot first =
        new ProtocolBot(user + "/spot0", step -> Json.array().add(rewound.get() ? 3 : 1));
    ProtocolBot second = new ProtocolBot(user + "/spot1", step -> Json.array().add(2));
    open.add(first);
    open.add(second);
    first.join(stack.botUrl(1), spot0);
    second.join(stack.botUrl(1), spot1);
    assertEquals(
        user + "/spot0",
        first.await("welcome", ProtocolBot.type("welcome"), 5).get("bot").get("name").asText());
    b.click("spots:reload");
    b.waitForText("\"online\">connected");

    // started held (the default), watched live: step, step, step
    b.click("start:go");
    b.waitForAttribute("status", "data-state", "paused");
    assertTrue(b.url().contains("watch.xhtml?match="), b.url());
    String match = b.url().replaceAll(".*match=", "");
    b.waitForAttribute("board", "data-step", "0");
    for (int step = 1; step <= 3; step++) {
      b.click("step");
      b.waitForAttribute("board", "data-step", String.valueOf(step));
      b.waitForText("paused at step " + step);
    }
    // back to step 2 in the viewer, and the game with it
    b.click("back");
    b.waitForAttribute("board", "data-step", "2");
    b.click("rewind");
    b.waitForText("paused at step 2");
    assertEquals("2", b.find("seek").getAttribute("max"), "step 3 is gone");
    first.await(
        "the rewind told", f -> f.path("text").asText().contains("taken back to step 2"), 10);
    rewound.set(true);
    b.click("resume");
    b.waitForAttribute("status", "data-state", "finished");

    // from step 2 (totals 2 and 4): 5:6, 8:8, 11:10, both reach 10 at once: a draw. Had the game
    // gone on from step 3 (3:6) spot 1 would have won.
    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select m.end_state, m.steps, m.rated, a.kind from matches m"
                        + " join arenas a on a.id = m.arena_id where m.id = '"
                        + match
                        + "'")) {
      assertTrue(rs.next());
      assertEquals("DRAW", rs.getString(1));
      assertEquals(5, rs.getInt(2));
      assertEquals("DEBUG", rs.getString(4));
    }
    assertEquals("5", b.find("seek").getAttribute("max"));

    // the spots played only this game: matchmaking leaves them alone though they said ready
    first.awaitCount("game_start", ProtocolBot.type("game_start"), 1, 1);
    second.awaitCount("game_start", ProtocolBot.type("game_start"), 1, 1);

    // the team replays it and finds it in its ZIP export; another team sees neither the game nor
    // the arena
    b.open("replay.xhtml?match=" + match);
    b.waitForText("step 0 of 5");
    assertEquals(
        "1", exportedMatches(b, user + "/spot0"), "the team's archive holds its debug game");
    Browser other = browser();
    signUp(other, unique("eve"), "eves password 123");
    createTeam(other, unique("echo"));
    assertEquals("0", exportedMatches(other, user + "/spot0"), "another team's archive does not");
    other.open("watch.xhtml?match=" + match);
    other.waitForAttribute("status", "data-state", "refused");
    other.open("replay.xhtml?match=" + match);
    other.waitForText("could not load the replay");
    other.open("app/debug.xhtml?arena=" + debugArena(user));
    other.waitForText("belongs to another team");
    assertFalse(other.source().contains(user + "/spot0"));
  }

  /**
   * Issue 20, item 3: a finished debug game (spot 0 adds 1, house bot random on spot 1) is forked
   * on its replay page at step 2: the debug arena opens held at step 2 in the replay's state, spot
   * 0's connection plays on (adding 0 now) against spot 1's recorded actions (then house bot
   * greedy, once they run out), the game finishes and is stored with its origin, and its replay
   * verifies like any other.
   */
  @Test
  void aFinishedGameIsForkedAtAStepAndTheTeamsBotPlaysOnFromThere() throws Exception {
    Browser b = browser();
    String user = unique("fern");
    signUp(b, user, "ferns password 12");
    createTeam(b, unique("fork"));
    b.click(By.linkText("Debug"));
    b.waitForText("Debug arena of " + user);
    b.type("game:config", "{\"target\": 10, \"deadline_ms\": 30000}");
    b.click("game:save");
    b.waitForText("Saved");
    b.click("spots:tokens");
    String token = b.find("spot-token-0").getText().strip();
    secrets.add(token);
    AtomicBoolean forked = new AtomicBoolean();
    ProtocolBot mine =
        new ProtocolBot(user + "/spot0", step -> Json.array().add(forked.get() ? 0 : 1));
    open.add(mine);
    mine.join(stack.botUrl(1), token);
    mine.await("welcome", ProtocolBot.type("welcome"), 5);
    b.click("spots:reload");
    b.waitForText("\"online\">connected");

    // the origin: played to its end at once
    new Select(b.find("start:seats:1:choice")).selectByValue("house:random");
    b.click("start:paused");
    b.click("start:go");
    b.waitForAttribute("status", "data-state", "finished");
    String origin = b.url().replaceAll(".*match=", "");
    Replay originReplay = storedReplay(origin);
    int length = originReplay.frames().size();
    assertTrue(length > 2, "the origin lasts more than 2 steps: " + length);

    // its replay page at step 2, and the fork form with its defaults
    b.open("replay.xhtml?match=" + origin);
    b.waitForText("step 0 of " + length);
    b.click("forward");
    b.click("forward");
    b.waitForAttribute("board", "data-step", "2");
    JsonNode replayed = Json.parse(b.find("board").getAttribute("data-state"));
    assertEquals(originReplay.frames().get(1).state(), replayed, "the replay page's step 2");
    assertEquals("2", b.find("fork:step").getAttribute("value"), "the step shown");
    assertEquals(
        "spot:0",
        new Select(b.find("fork:seats:0:choice")).getFirstSelectedOption().getAttribute("value"));
    assertEquals(
        "recorded:greedy",
        new Select(b.find("fork:seats:1:choice")).getFirstSelectedOption().getAttribute("value"));
    b.type("fork:step", String.valueOf(length + 5));
    b.click("fork:go");
    b.waitForText("Choose a step from 0 to " + length + ", not " + (length + 5) + ".");
    b.type("fork:step", "2");
    b.click("fork:go");

    // the debug arena's live view, held at step 2 in the same state
    b.waitForAttribute("status", "data-state", "paused");
    assertTrue(b.url().contains("watch.xhtml?match="), b.url());
    String fork = b.url().replaceAll(".*match=", "");
    b.waitForAttribute("board", "data-step", "2");
    b.waitForText("paused at step 2");
    assertEquals(
        replayed, Json.parse(b.find("board").getAttribute("data-state")), "the fork's step 2");
    mine.await(
        "the fork's start",
        f -> "game_start".equals(f.path("type").asText()) && fork.equals(f.path("game").asText()),
        10);
    forked.set(true);
    b.click("resume");
    b.waitForAttribute("status", "data-state", "finished");

    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select cast(m.forked_from as text), m.forked_at_step, m.end_state, m.rated,"
                        + " a.kind, u.username from matches m join arenas a on a.id = m.arena_id"
                        + " join users u on u.id = m.started_by where m.id = '"
                        + fork
                        + "'")) {
      assertTrue(rs.next());
      assertEquals(origin, rs.getString(1));
      assertEquals(2, rs.getInt(2));
      assertEquals("WIN", rs.getString(3), "spot 1 gets to 10, spot 0 stays at 2");
      assertFalse(rs.getBoolean(4));
      assertEquals("DEBUG", rs.getString(5));
      assertEquals(user, rs.getString(6));
    }
    Replay forkReplay = storedReplay(fork);
    assertEquals(originReplay.header().seed(), forkReplay.header().seed());
    assertEquals(originReplay.frames().subList(0, 2), forkReplay.frames().subList(0, 2));
    for (ReplayFrame frame : forkReplay.frames().subList(2, forkReplay.frames().size())) {
      assertEquals(Json.array().add(0), frame.actions().get(0), "step " + frame.step());
      JsonNode expected =
          frame.step() <= length
              ? originReplay.frames().get(frame.step() - 1).actions().get(1)
              : Json.array().add(3);
      assertEquals(expected, frame.actions().get(1), "spot 1 at step " + frame.step());
    }
    b.open("replay.xhtml?match=" + fork);
    b.waitForText("step 0 of " + forkReplay.frames().size());
    assertEquals(origin, b.find("origin-link").getAttribute("href").replaceAll(".*match=", ""));
    assertEquals("2", b.find("origin-step").getText());

    // verify-replays plays it again from its own seed and actions
    Stack.Ran verified = stack.launcherStatus(300, "admin", "verify-replays", "--game", "simple");
    assertEquals(0, verified.exit(), verified.output());
    assertFalse(verified.output().contains(fork), verified.output());

    // another team can neither see the fork nor fork the team's game
    Browser other = browser();
    signUp(other, unique("gus"), "guss password 123");
    createTeam(other, unique("golf"));
    other.open("replay.xhtml?match=" + fork);
    other.waitForText("could not load the replay");
    assertFalse(other.source().contains(origin), "nothing of the fork's origin");
    other.open("replay.xhtml?match=" + origin);
    other.waitForText("could not load the replay");
    assertTrue(other.all(By.id("fork:go")).isEmpty(), "no fork form");
  }

  /** A match's stored replay, read from the database. */
  Replay storedReplay(String match) throws Exception {
    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery("select data from replays where match_id = '" + match + "'")) {
      assertTrue(rs.next(), "no replay of " + match);
      return Replay.read(new java.io.ByteArrayInputStream(rs.getBytes(1)));
    }
  }

  /**
   * Watch controls are limited to 5 a second per watcher: 30 rewinds in one write on a real watch
   * socket get the first 5 through (each tells the seated bots, one message each) and the rest
   * {@code RATE_LIMITED}. The verdict holds however slowly the server works through the write: the
   * limiter lets at most 5 through in any second of the time it took, and every control is either
   * refused or reaches the bots.
   */
  @Test
  void aFloodOfWatchControlsIsRateLimitedAndTheBotsHearOnlyTheAdmittedOnes() throws Exception {
    Browser b = browser();
    String user = unique("flo");
    signUp(b, user, "flos password 123");
    createTeam(b, unique("foxtrot"));
    b.click(By.linkText("Debug"));
    b.waitForText("Debug arena of " + user);
    b.type("game:config", "{\"target\": 10, \"deadline_ms\": 30000}");
    b.click("game:save");
    b.waitForText("Saved");
    b.click("spots:tokens");
    String spot0 = b.find("spot-token-0").getText().strip();
    String spot1 = b.find("spot-token-1").getText().strip();
    secrets.add(spot0);
    secrets.add(spot1);
    ProtocolBot first = bot(user + "/spot0");
    ProtocolBot second = bot(user + "/spot1");
    first.join(stack.botUrl(1), spot0);
    second.join(stack.botUrl(1), spot1);
    first.await("welcome", ProtocolBot.type("welcome"), 5);
    second.await("welcome", ProtocolBot.type("welcome"), 5);
    b.click("spots:reload");
    b.waitForText("\"online\">connected");
    b.click("start:go");
    b.waitForAttribute("status", "data-state", "paused");
    String match = b.url().replaceAll(".*match=", "");
    String cookie = b.driver.manage().getCookieNamed("JSESSIONID").getValue();

    try (RawSocket watcher =
        RawSocket.connect(
            stack.watchUrl(1, java.util.UUID.fromString(match)),
            "Cookie: JSESSIONID=" + cookie + "\r\n")) {
      assertTrue(watcher.awaitText("\"seq\":0", 30), "frame 0 came: " + watcher.texts);
      java.util.function.Predicate<JsonNode> takenBack =
          f ->
              "message".equals(f.path("type").asText())
                  && f.path("text").asText().contains("taken back to step 0");
      int flood = 30;
      int limit = 5; // WatchHub.CONTROLS_PER_SECOND, as docs/protocol.md says
      long sent = System.nanoTime();
      watcher.burst("{\"type\":\"control\",\"command\":\"rewind\",\"seq\":0}", flood);
      // every control is refused (one answer each) or admitted (one message to each bot)
      long deadline = System.currentTimeMillis() + 60_000;
      while (watcher.count("RATE_LIMITED") + first.all(takenBack).size() < flood
          && System.currentTimeMillis() < deadline) {
        Thread.sleep(20);
      }
      long tookMillis = (System.nanoTime() - sent) / 1_000_000;
      int admitted = first.all(takenBack).size();
      long refused = watcher.count("RATE_LIMITED");
      assertEquals(flood, admitted + refused, "each control refused or admitted: " + watcher.texts);
      int allowedInThatTime = limit * (1 + (int) (tookMillis / 1000));
      assertTrue(
          admitted >= limit && admitted <= allowedInThatTime,
          admitted + " admitted in " + tookMillis + " ms (at most " + allowedInThatTime + ")");
      for (String answer : watcher.texts) {
        JsonNode frame = Json.parse(answer);
        if ("error".equals(frame.path("type").asText())) {
          assertEquals("RATE_LIMITED", frame.path("code").asText(), answer);
        }
      }
      second.awaitCount("rewind messages", takenBack, admitted, 10);
      assertTrue(
          watcher.awaitCount("\"type\":\"rewind\"", admitted, 10),
          "the watcher saw each admitted rewind");
      assertEquals(admitted, first.all(takenBack).size(), "no more came to the bots");
      System.out.println(
          "watch-control flood: "
              + admitted
              + " of "
              + flood
              + " admitted in "
              + tookMillis
              + " ms");

      // a rate, not a lock: once the limiter's window has passed, a control goes through again
      Thread.sleep(1_100);
      watcher.send("{\"type\":\"control\",\"command\":\"stop\"}");
      assertTrue(watcher.awaitText("game_end", 30), "stopped: " + watcher.texts);
      assertEquals(refused, watcher.count("RATE_LIMITED"), "the stop was not refused");
      first.await("the stop", ProtocolBot.type("game_end"), 10);
    }
  }

  /**
   * Before: no Content-Security-Policy, no nosniff, no Referrer-Policy, a session cookie without
   * SameSite; the watch socket took any Origin; anonymous exports of 100,000 replays.
   */
  @Test
  void answersCarryThePolicyAndTheWatchSocketChecksTheOrigin() throws Exception {
    java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
    for (String path : List.of("leaderboard.xhtml", "signin.xhtml", "api/status")) {
      java.net.http.HttpResponse<String> page =
          http.send(
              java.net.http.HttpRequest.newBuilder(
                      java.net.URI.create(stack.portalUrl(1) + "/" + path))
                  .build(),
              java.net.http.HttpResponse.BodyHandlers.ofString());
      List<String> policies = page.headers().allValues("Content-Security-Policy");
      assertEquals(
          1, policies.size(), path + ": one policy (browsers enforce each one sent): " + policies);
      String csp = policies.get(0);
      assertTrue(
          csp.contains("default-src 'self'") && csp.contains("frame-ancestors 'none'"),
          path + ": " + csp);
      String scripts = csp.replaceAll(".*script-src ([^;]*);?.*", "$1");
      assertFalse(
          scripts.contains("unsafe-inline") || scripts.contains("unsafe-eval"), path + ": " + csp);
      // Faces pages: PrimeFaces' CSP mode adds the page's nonce for its scripts and handlers
      assertEquals(
          path.endsWith(".xhtml"),
          scripts.matches("'self' 'nonce-[A-Za-z0-9+/=_-]+'"),
          path + ": " + csp);
      assertEquals("nosniff", page.headers().firstValue("X-Content-Type-Options").orElse(""), path);
      assertEquals(
          "strict-origin-when-cross-origin",
          page.headers().firstValue("Referrer-Policy").orElse(""),
          path);
      if (path.equals("signin.xhtml")) {
        String cookie =
            page.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow(
                    () -> new AssertionError("no session cookie: " + page.headers().map()));
        // attribute names and SameSite's value are case-insensitive (RFC 6265bis); Payara writes
        // "lax"
        assertTrue(
            cookie.toLowerCase(java.util.Locale.ROOT).contains("samesite=lax")
                && cookie.contains("HttpOnly"),
            cookie);
        assertFalse(
            cookie.contains("Secure"), "plain HTTP: not Secure unless arena.portal.secure-cookie");
      }
    }
    java.net.http.HttpResponse<String> export =
        http.send(
            java.net.http.HttpRequest.newBuilder(
                    java.net.URI.create(stack.portalUrl(1) + "/api/replays/export?max=1000"))
                .build(),
            java.net.http.HttpResponse.BodyHandlers.ofString());
    assertEquals(400, export.statusCode(), "anonymous: at most 100");

    // a page of another site cannot open a watch socket (with the visitor's cookie)
    java.util.concurrent.CompletableFuture<String> first =
        new java.util.concurrent.CompletableFuture<>();
    java.net.http.WebSocket.Listener listener =
        new java.net.http.WebSocket.Listener() {
          @Override
          public java.util.concurrent.CompletionStage<?> onText(
              java.net.http.WebSocket ws, CharSequence data, boolean last) {
            first.complete(data.toString());
            return null;
          }
        };
    java.net.http.WebSocket foreign =
        http.newWebSocketBuilder()
            .header("Origin", "http://evil.example")
            .buildAsync(
                java.net.URI.create(stack.watchUrl(1, java.util.UUID.randomUUID())), listener)
            .get(10, TimeUnit.SECONDS);
    String refusal = first.get(10, TimeUnit.SECONDS);
    assertTrue(refusal.contains("FORBIDDEN") && refusal.contains("another site"), refusal);
    foreign.abort();

    // the portal's own pages work under the policy (checked after each test): sign-up, a team,
    // PrimeFaces' ajax, the copy buttons, the leaderboard's search, the matches page's export
    Browser b = browser();
    signUp(b, unique("csp"), "policy password 1");
    createTeam(b, unique("csp-team"));
    b.click("invitations:invite");
    b.waitForText("shown only this once");
    b.click("teamBots:copyInvitation");
    String cspBot = unique("csp-bot");
    createBot(b, cspBot);
    b.click("teamBots:copyToken");
    b.open("bot.xhtml?id=" + botId(cspBot)); // its rating chart
    b.waitForText(cspBot);
    b.open("tournament.xhtml");
    b.open("app/account.xhtml");
    b.open("leaderboard.xhtml");
    b.type("board:search", "house");
    b.open("matches.xhtml");
    b.click("filters:export");
    b.waitForAttribute("export-status", "data-state", "done");
    assertEquals(List.of(), b.policyRefusals(), "nothing of the portal's was refused");

    // and the browser does refuse an inline script (before: script-src had 'unsafe-inline')
    Object ran =
        ((JavascriptExecutor) b.driver)
            .executeScript(
                "var s = document.createElement('script'); s.textContent = 'window.inlineRan ="
                    + " true;'; document.body.appendChild(s); return window.inlineRan === true;");
    assertEquals(Boolean.FALSE, ran, "an injected inline script ran");
    assertFalse(b.policyRefusals().isEmpty(), "Chromium said it refused the inline script");
  }

  /**
   * How many replays the ZIP export announces to this browser's user (its session cookie goes
   * along).
   */
  String exportedMatches(Browser browser, String bot) {
    return String.valueOf(
        ((JavascriptExecutor) browser.driver)
            .executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                    + " fetch('/arena/api/replays/export?bot=' +"
                    + " encodeURIComponent(arguments[0])).then(r => done(r.ok ?"
                    + " r.headers.get('X-Arena-Matches') : 'HTTP ' + r.status), e => done('' +"
                    + " e));",
                bot));
  }

  long debugArena(String owner) throws Exception {
    try (Connection c = stack.database();
        ResultSet rs =
            c.createStatement()
                .executeQuery(
                    "select a.id from arenas a join users u on u.id = a.owner_id"
                        + " where u.username = '"
                        + owner
                        + "'")) {
      assertTrue(rs.next(), "no debug arena of " + owner);
      return rs.getLong(1);
    }
  }

  void assertNoSecretIn(String text, String where) {
    for (String secret : secrets) {
      assertFalse(text.contains(secret), where + " contains a password or token");
    }
  }
}

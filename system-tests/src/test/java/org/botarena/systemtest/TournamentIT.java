package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.openqa.selenium.By;

/**
 * Tournaments run to a winner with 12 protocol bots of 4 teams on two instances: a random draw in
 * groups of 4 (3 groups, then their 3 winners) that survives a crash and restart of one instance in
 * the middle of its first level, and an exhaustive round (66 games).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TournamentIT {

  private static final int BOTS = 12;

  final Stack stack =
      Stack.TOURNAMENT
          .with("ARENA_MATCH_LEASE_SECONDS", "10") // a quick recovery after the crash
          // a semester in minutes: training replays go at once, but for each bot's last two
          .with("ARENA_RETENTION_TRAINING_DAYS", "0")
          .with("ARENA_RETENTION_KEEP_LAST_PER_BOT", "2")
          .with("ARENA_RETENTION_SAMPLE_EVERY", "0");
  final MatchLedger ledger = new MatchLedger(stack, "t");
  Fleet fleet;
  final List<String> names = new ArrayList<>();

  @BeforeAll
  void start() throws Exception {
    stack.start(2);
    fleet = new Fleet(stack, "t", BOTS, 2, 20, 4);
    fleet.members().forEach(m -> names.add(m.name()));
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
  void aRandomDrawRunsToAWinnerAndSurvivesARestartOfAnInstance() throws Exception {
    stack.tournaments().create("cup", "simple", "random-draw", 4, 1, "{}", 0);
    stack.tournaments().enter("cup", names);
    // in the middle of the first level: some group games done, others not
    awaitSql(
        "select count(*) from tournament_games g join matches m on m.id = g.match_id where m.state"
            + " = 'FINISHED' and g.level = 1 and g.tournament_id = (select id from tournaments"
            + " where name = 'cup')",
        3,
        120);
    List<String> open = ledger.unfinished();
    java.time.Instant killed = java.time.Instant.now();
    stack.kill(2);
    fleet.dead(2);
    stack.startInstance(2);
    fleet.alive(2);
    awaitClosed("cup", 240);
    ledger.awaitEnded(open, 120);
    System.out.printf(
        "FAULT MATRIX | an instance SIGKILLed in a tournament level, started again | open at the"
            + " fault %d | lost %d | rated twice %d | the tournament closed %.1f s after the kill |"
            + " %s%n",
        open.size(),
        ledger.failed(open),
        ledger.ratedTwice(),
        (System.currentTimeMillis() - killed.toEpochMilli()) / 1000.0,
        ledger.outcomes(open));

    assertEquals(
        List.of(4, 4, 4),
        ints(
            "select count(*) from tournament_players p join tournaments t on t.id = p.tournament_id"
                + " where t.name = 'cup' and p.level = 1 group by p.group_no order by p.group_no"),
        "3 groups of 4");
    assertEquals(
        3,
        count(
            "select count(*) from tournament_players p join tournaments t on t.id = p.tournament_id"
                + " where t.name = 'cup' and p.level = 2"),
        "the 3 group winners meet");
    assertEquals(
        21,
        count(
            "select count(*) from tournament_games g join tournaments t on t.id = g.tournament_id"
                + " where t.name = 'cup'"),
        "18 group games, then 3");
    assertEquals(
        0,
        count(
            "select count(*) from tournament_games g join tournaments t on t.id = g.tournament_id"
                + " left join matches m on m.id = g.match_id where t.name = 'cup' and not"
                + " g.walkover and (m.state is null or m.state <> 'FINISHED')"),
        "every game played to its end");
    assertEquals(
        1,
        count(
            "select count(*) from tournament_players p join tournaments t on t.id = p.tournament_id"
                + " join tournament_rounds r on r.tournament_id = t.id and r.winner_bot = p.bot_id"
                + " where t.name = 'cup' and p.level = 2 and p.place = 1"),
        "the round's winner won the last group");
    assertFrozenAndUnrated("cup");
    assertNoBotInTwoGamesAtOnce("cup");
    String page = stack.get(1, "tournament.xhtml?name=cup");
    assertTrue(page.contains("Won by team") && page.contains(winnerTeam("cup")), page);
    assertTrue(
        page.contains("Round 1, level 2") && page.contains("replay"),
        "levels and links to the games");
  }

  @Test
  @Order(2)
  void anExhaustiveRoundHasEveryBotPlayEveryOther() throws Exception {
    stack.tournaments().create("league", "simple", "exhaustive", 5, 1, "{}", 0);
    stack.tournaments().enter("league", names);
    awaitClosed("league", 300);
    assertEquals(
        66,
        count(
            "select count(*) from tournament_games g join tournaments t on t.id = g.tournament_id"
                + " join matches m on m.id = g.match_id where t.name = 'league' and m.state ="
                + " 'FINISHED'"),
        "12 x 11 / 2 games");
    // the winning team is the one whose bots won the most games: checked from the matches
    // themselves
    String mostWins =
        (String)
            one(
                "select tm.name from tournament_games g join tournaments t on t.id ="
                    + " g.tournament_id join match_players p on p.match_id = g.match_id and"
                    + " p.result = 'win' join bots b on b.id = p.bot_id join teams tm on tm.id ="
                    + " b.team_id where t.name = 'league' group by tm.name order by count(*) desc"
                    + " limit 1");
    long top =
        (long)
            one(
                "select count(*) from tournament_games g join tournaments t on t.id ="
                    + " g.tournament_id join match_players p on p.match_id = g.match_id and"
                    + " p.result = 'win' join bots b on b.id = p.bot_id join teams tm on tm.id ="
                    + " b.team_id where t.name = 'league' group by tm.name order by count(*) desc"
                    + " limit 1");
    long ties =
        count(
            "select count(*) from (select tm.name from tournament_games g join tournaments t on"
                + " t.id = g.tournament_id join match_players p on p.match_id = g.match_id and"
                + " p.result = 'win' join bots b on b.id = p.bot_id join teams tm on tm.id ="
                + " b.team_id where t.name = 'league' group by tm.name having count(*) = "
                + top
                + ") tied");
    if (ties == 1) {
      assertEquals(mostWins, winnerTeam("league"));
    }
    assertFrozenAndUnrated("league");
  }

  /**
   * After the tournaments, the semester's housekeeping: the leader has dropped the replays of old
   * training games (not of tournament games, not of each bot's last two), the admin starts a new
   * season on the admin page, and reset-games leaves the tournaments alone.
   */
  @Test
  @Order(3)
  void retentionKeepsTournamentsAndLastGamesAndANewSeasonKeepsTheOldTable() throws Exception {
    awaitSql(
        "select count(*) from matches m join arenas a on a.id = m.arena_id where a.kind ="
            + " 'TRAINING' and m.state = 'FINISHED' and m.rated",
        30,
        120);
    awaitSql(
        "select count(*) from matches m join arenas a on a.id = m.arena_id where a.kind ="
            + " 'TRAINING' and m.state = 'FINISHED' and not exists (select 1 from replays r where"
            + " r.match_id = m.id)",
        1,
        60);
    assertEquals(
        0,
        count(
            "select count(*) from tournament_games g join matches m on m.id = g.match_id"
                + " where not exists (select 1 from replays r where r.match_id = m.id)"),
        "tournament replays stay");
    // one statement, one snapshot: the sweep never drops what is still one of a player's last two
    assertEquals(
        0,
        count(
            "select count(*) from (select m.id, m.state, row_number() over (partition by p.bot_id  "
                + " order by m.ended_at desc) as newest from matches m join match_players p on"
                + " p.match_id = m.id   join arenas a on a.id = m.arena_id where a.kind ="
                + " 'TRAINING' and m.ended_at is not null) last where last.newest <= 2 and"
                + " last.state = 'FINISHED' and not exists (select 1 from replays r where"
                + " r.match_id = last.id)"),
        "each bot's last two training replays stay");
    assertEquals(
        0,
        count(
            "select count(*) from matches m where m.state = 'FINISHED' and not exists (select 1"
                + " from match_players p where p.match_id = m.id and p.result is not null)"),
        "results stay");

    String leader =
        (String)
            one(
                "select b.name from ratings r join bots b on b.id = r.bot_id where r.game_type ="
                    + " 'simple' order by r.mu - 3 * r.sigma desc limit 1");
    stack.admin().addUser("lecturer", "lecturer password", "ADMIN", null);
    FacesPage page = new FacesPage(stack.portalUrl(1));
    page.signIn("lecturer", "lecturer password");
    assertTrue(
        page.open("admin/index.xhtml").contains("id=\"admin:current-season\">1<"),
        "season 1 at first");
    String started = page.submit("admin", "Seasons", "admin:newSeason");
    assertTrue(started.contains("Season 2 has started"), started);
    assertEquals(2, count("select number from seasons where ended_at is null"));
    assertTrue(count("select count(*) from season_ratings") > 0, "season 1's table is kept");
    String ended = page.open("leaderboard.xhtml?season=1");
    assertTrue(ended.contains("Season 1, ended") && ended.contains(">" + leader + "<"), ended);
    assertTrue(page.open("leaderboard.xhtml").contains("Season 2 (current)"));

    long tournamentGames =
        count(
            "select count(*) from matches m join arenas a on a.id = m.arena_id where a.kind ="
                + " 'TOURNAMENT'");
    stack.admin().resetGames();
    assertEquals(
        tournamentGames,
        count(
            "select count(*) from matches m join arenas a on a.id = m.arena_id"
                + " where a.kind = 'TOURNAMENT'"),
        "reset-games keeps the tournaments' games");
    assertTrue(stack.get(1, "tournament.xhtml?name=cup").contains("Won by team"));
  }

  /**
   * The admin runs a tournament from the portal in a real browser: a hostile config is refused with
   * its reason and nothing stored, then a tournament is created, bots entered and one withdrawn
   * (confirmed), it is opened now (confirmed) and runs to a winner on its page.
   */
  @Test
  @Order(4)
  void anAdminRunsATournamentFromThePortal() throws Exception {
    stack.admin().addUser("organiser", "organiser password", "ADMIN", null);
    try (Browser b = new Browser(stack.portalUrl(1))) {
      b.open("signin.xhtml");
      b.type("signin:username", "organiser");
      b.type("signin:password", "organiser password");
      b.click("signin:submit");
      b.waitForText("Sign out");
      b.open("admin/index.xhtml");
      b.click("admin:tournaments-link");
      b.type("tournaments:name", "portal cup");
      b.type("tournaments:config", "{\"deadline_ms\": -5}");
      b.click("tournaments:create");
      b.waitForText("deadline_ms");
      assertEquals(0, count("select count(*) from tournaments where name = 'portal cup'"));

      b.type("tournaments:config", "{}");
      b.click("tournaments:create");
      b.waitForText("Tournament portal cup is created");
      b.type("tournaments:bots", String.join(", ", names.subList(0, 4)));
      b.click("tournaments:enter");
      b.waitForText("4 entered in portal cup");
      b.click(By.xpath("//button[contains(., 'Withdraw')]"));
      b.click(By.cssSelector(".ui-confirmdialog-yes"));
      b.waitForText("is withdrawn from portal cup");
      assertEquals(
          3,
          count(
              "select count(*) from tournament_entrants e join tournaments t on t.id ="
                  + " e.tournament_id where t.name = 'portal cup'"));
      assertEquals(
          0,
          count("select count(*) from tournaments where name = 'portal cup' and opens_at <= now()"),
          "it opens in an hour");

      b.click(By.xpath("//tr[contains(., 'portal cup')]//button[contains(., 'Open now')]"));
      b.click(By.cssSelector(".ui-confirmdialog-yes"));
      b.waitForText("portal cup is open");
    }
    awaitClosed("portal cup", 240);
    assertFrozenAndUnrated("portal cup");
    assertTrue(stack.get(1, "tournament.xhtml?name=portal+cup").contains("Won by team"));
  }

  private void awaitClosed(String tournament, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    String status = "";
    while (System.currentTimeMillis() < deadline) {
      status = stack.tournaments().status(tournament);
      if (status.contains("phase CLOSED")) {
        System.out.println(status);
        return;
      }
      Thread.sleep(1000);
    }
    throw new AssertionError("not closed in " + seconds + " s: " + status);
  }

  private void assertFrozenAndUnrated(String tournament) throws Exception {
    assertNotNull(winnerTeam(tournament), "a winning team");
    assertEquals(
        0,
        count(
            "select count(*) from matches m join tournaments t on t.arena_id = m.arena_id"
                + " where t.name = '"
                + tournament
                + "' and m.rated"),
        "tournament games do not move training ratings");
    assertNull(
        one("select 1 from tournaments where name = '" + tournament + "' and closed_at is null"),
        "closed");
  }

  /** A bot's tournament games never overlap in time. */
  private void assertNoBotInTwoGamesAtOnce(String tournament) throws Exception {
    assertEquals(
        0,
        count(
            "select count(*) from (select p.bot_id, m.started_at, lag(m.ended_at) over (partition"
                + " by p.bot_id order by m.started_at) as previous_end from tournament_games g join"
                + " tournaments t on t.id = g.tournament_id join matches m on m.id = g.match_id"
                + " join match_players p on p.match_id = m.id where t.name = '"
                + tournament
                + "' and m.attempt = 1) x"
                + " where previous_end > started_at"),
        "a bot in two tournament games at once");
  }

  private String winnerTeam(String tournament) throws Exception {
    return (String) one("select winner_team from tournaments where name = '" + tournament + "'");
  }

  private void awaitSql(String query, int wanted, int seconds) throws Exception {
    long deadline = System.currentTimeMillis() + seconds * 1000L;
    long value = 0;
    while (System.currentTimeMillis() < deadline) {
      value = count(query);
      if (value >= wanted) {
        return;
      }
      Thread.sleep(200);
    }
    throw new AssertionError(value + " < " + wanted + " after " + seconds + " s: " + query);
  }

  private Object one(String query) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q = db.prepareStatement(query);
        ResultSet rs = q.executeQuery()) {
      return rs.next() ? rs.getObject(1) : null;
    }
  }

  private long count(String query) throws Exception {
    return ((Number) one(query)).longValue();
  }

  private List<Integer> ints(String query) throws Exception {
    List<Integer> values = new ArrayList<>();
    try (Connection db = stack.database();
        PreparedStatement q = db.prepareStatement(query);
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        values.add(rs.getInt(1));
      }
    }
    return values;
  }
}

package org.botarena.arena.ratings;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Seasons on a real PostgreSQL: ratings start over, the ended season's table stays, late matches of
 * it are not rated.
 */
class SeasonServiceTest {

  static final Caller ADMIN = new Caller(1, "lecturer", true, null);

  ServiceDatabase db;
  SeasonService seasons = new SeasonService();
  LeaderboardService leaderboard;
  RatingService ratings;
  long training;
  long red;
  long blue;

  @BeforeEach
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_seasons");
    seasons.em = db.em;
    leaderboard = TestRatings.leaderboardService(db.em);
    ratings = TestRatings.ratingService(db.em);
    try (Connection c = db.jdbc()) {
      long team = id(c, "insert into teams (name) values ('t') returning id");
      red = id(c, "insert into bots (team_id, name) values (" + team + ", 'red') returning id");
      blue = id(c, "insert into bots (team_id, name) values (" + team + ", 'blue') returning id");
      training =
          id(
              c,
              "insert into arenas (kind, name, game_type, created_at) values ('TRAINING',"
                  + " 'training-simple', 'simple', now() - interval '30 days') returning id");
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  @Test
  void aNewSeasonStartsRatingsOverAndKeepsTheEndedSeasonsTable() throws Exception {
    for (int i = 0; i < 3; i++) {
      UUID m = finished(red, blue, "now() - interval '1 hour'");
      assertTrue(db.tx(() -> ratings.rate(m)));
    }
    List<LeaderboardRow> before =
        db.tx(() -> leaderboard.search("simple", LeaderboardService.CURRENT, "", 0, 10));
    assertEquals(List.of("red", "blue"), before.stream().map(LeaderboardRow::bot).toList());
    UUID booked =
        new TestMatch(training, "RUNNING")
            .set("created_at", "now() - interval '1 minute'")
            .player(red)
            .player(blue)
            .insert(db);

    assertEquals(
        2, db.tx(() -> seasons.startNew(ADMIN, "simple")), "season 1 was the arena's life so far");

    List<SeasonService.Season> all = db.tx(() -> seasons.seasons("simple"));
    assertEquals(List.of(2, 1), all.stream().map(SeasonService.Season::number).toList());
    assertTrue(all.get(0).current());
    assertFalse(all.get(1).current());
    assertEquals(
        0,
        db.tx(() -> leaderboard.count("simple", LeaderboardService.CURRENT, "")),
        "ratings start over");
    List<LeaderboardRow> ended =
        db.tx(() -> leaderboard.search("simple", all.get(1).id(), "", 0, 10));
    assertEquals(
        before.stream().map(LeaderboardRow::bot).toList(),
        ended.stream().map(LeaderboardRow::bot).toList());
    assertEquals(before.get(0).mu(), ended.get(0).mu(), 1e-9);
    assertEquals(3, ended.get(0).games());
    assertEquals(
        1,
        db.tx(() -> leaderboard.count("simple", all.get(1).id(), "re")),
        "the search works on an ended season");
    assertEquals(6, db.count("select count(*) from rating_history"), "rating histories stay");
    assertEquals(4, db.count("select count(*) from matches"), "matches stay");

    // the match booked in season 1 ends in season 2: it is stored, not rated; one booked now is
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "update matches set state = 'FINISHED', end_state = 'WIN', ended_at = now()"
                  + " where id = '"
                  + booked
                  + "'");
      c.createStatement()
          .execute(
              "update match_players set result = case spot when 0 then 'win' else 'loss' end"
                  + " where match_id = '"
                  + booked
                  + "'");
    }
    assertFalse(db.tx(() -> ratings.rate(booked)));
    UUID fresh = finished(blue, red, "now()");
    assertTrue(db.tx(() -> ratings.rate(fresh)));
    assertEquals(
        List.of("blue", "red"),
        db.tx(() -> leaderboard.search("simple", LeaderboardService.CURRENT, "", 0, 10)).stream()
            .map(LeaderboardRow::bot)
            .toList());
  }

  @Test
  void onlyAnAdminStartsASeasonAndOnlyOfAnArenaThatExists() {
    assertThrows(
        AccessDenied.class,
        () -> db.tx(() -> seasons.startNew(new Caller(2, "student", false, 1L), "simple")));
    assertThrows(AccountException.class, () -> db.tx(() -> seasons.startNew(ADMIN, "chess")));
  }

  /**
   * A match of {@code winner} against {@code loser} booked and ended at the SQL time {@code when}.
   */
  @Test
  void placesAreTheLeaderboardsRanksAndANewBotGoesAfterThoseAboveItsStart() throws Exception {
    for (int i = 0; i < 3; i++) {
      UUID m = finished(red, blue, "now() - interval '1 hour'");
      assertTrue(db.tx(() -> ratings.rate(m)));
    }
    List<LeaderboardRow> board =
        db.tx(() -> leaderboard.search("simple", LeaderboardService.CURRENT, "", 0, 10));
    LeaderboardService.Places places = db.tx(() -> leaderboard.places("simple"));
    for (LeaderboardRow row : board) {
      assertEquals(row.rank(), places.of(row.botId()), row.bot());
    }
    assertEquals(1, places.of(red));
    // red (three wins) is above a new bot's mu - 3 sigma of 0, blue (three losses) below it
    assertTrue(board.get(0).score() > 0 && board.get(1).score() < 0, "" + board);
    assertEquals(2, places.of(987_654L), "a bot without a rating: after red");
  }

  private UUID finished(long winner, long loser, String when) throws SQLException {
    return new TestMatch(training, "FINISHED")
        .set("end_state", "'WIN'")
        .set("created_at", when)
        .set("ended_at", when)
        .player(winner, "win")
        .player(loser, "loss")
        .insert(db);
  }
}

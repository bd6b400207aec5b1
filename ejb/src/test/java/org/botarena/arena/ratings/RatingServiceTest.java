package org.botarena.arena.ratings;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Ratings against a real PostgreSQL database: the results whose message was lost are found and
 * rated once.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RatingServiceTest {

  ServiceDatabase db;
  RatingService ratings = new RatingService();
  long training;
  long debug;
  long red;
  long blue;

  @BeforeAll
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_ratings");
    ratings.em = db.em;
    ratings.houseGamesRated = false;
    ratings.sigmaGrowthPerDay = 0.5;
    try (Connection c = db.jdbc()) {
      long team = id(c, "insert into teams (name) values ('t') returning id");
      red = id(c, "insert into bots (team_id, name) values (" + team + ", 'red') returning id");
      blue = id(c, "insert into bots (team_id, name) values (" + team + ", 'blue') returning id");
      training =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TRAINING', 't', 'simple')"
                  + " returning id");
      debug =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('DEBUG', 'd', 'simple') returning"
                  + " id");
    }
  }

  @AfterAll
  void tearDown() {
    db.close();
  }

  @Test
  void aFinishedTrainingGameLeftUnratedIsFoundAndRatedOnce() throws Exception {
    UUID lost = finished(training, "WIN", 60);
    finished(training, "WIN", 2); // its message may still be on its way
    finished(debug, "WIN", 60); // debug games do not rate
    finished(training, "ABORTED", 60);
    assertEquals(List.of(lost), db.tx(() -> ratings.unrated(30, 50)));
    assertTrue(db.tx(() -> ratings.rate(lost)));
    assertTrue(db.tx(() -> ratings.unrated(30, 50)).isEmpty());
    assertFalse(db.tx(() -> ratings.rate(lost)), "once only");
    assertEquals(
        2, db.count("select count(*) from rating_history where match_id = '" + lost + "'"));
    assertEquals(1, db.count("select games from ratings where bot_id = " + red));
  }

  /** A match between red (the winner) and blue, ended {@code secondsAgo} as {@code endState}. */
  private UUID finished(long arena, String endState, int secondsAgo) throws SQLException {
    return new TestMatch(arena, "FINISHED")
        .set("end_state", "'" + endState + "'")
        .set("ended_at", "now() - interval '" + secondsAgo + " seconds'")
        .player(red, "win")
        .player(blue, "loss")
        .insert(db);
  }
}

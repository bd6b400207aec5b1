package org.botarena.arena.latency;

import static org.botarena.arena.testing.ServiceDatabase.id;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.botarena.arena.testing.ServiceDatabase;
import org.botarena.arena.testing.TestMatch;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Seat summaries stored and read back on a real PostgreSQL, and the panel's cap on rows read. */
class StepLatenciesTest {

  ServiceDatabase db;
  StepLatencies latencies = new StepLatencies();
  long arena;
  long red;
  long house;

  @BeforeEach
  void setUp() throws Exception {
    db = new ServiceDatabase("arena_ejbtest_latency");
    latencies.em = db.em;
    try (Connection c = db.jdbc()) {
      long team = id(c, "insert into teams (name) values ('t') returning id");
      red = id(c, "insert into bots (team_id, name) values (" + team + ", 'red') returning id");
      house = id(c, "insert into bots (team_id, name) values (" + team + ", 'hb') returning id");
      arena =
          id(
              c,
              "insert into arenas (kind, name, game_type) values ('TRAINING', 't', 'simple')"
                  + " returning id");
    }
  }

  @AfterEach
  void tearDown() {
    db.close();
  }

  private UUID match() throws Exception {
    return new TestMatch(arena, "FINISHED").player(red).player(house).insert(db);
  }

  @Test
  void aStoredSeatComesBackOnItsBotsPanelAndAHouseSeatIsLeftOut() throws Exception {
    UUID match = match();
    SeatLatency seat = new SeatLatency(700);
    seat.answered(12_000_000);
    seat.answered(14_000_000);
    seat.timedOut();
    db.run(
        () ->
            latencies.store(
                match,
                "simple",
                List.of(
                    new StepLatencies.Player(0, red, "red"),
                    new StepLatencies.Player(1, house, "hb")),
                Map.of(0, seat)));
    StepLatencies.Panel panel = db.tx(() -> latencies.panel(red));
    assertFalse(panel.capped());
    assertEquals(2, panel.lines().size(), "the day and the last 1,000 steps");
    LatencyTable.Line day = panel.lines().get(0);
    assertEquals("red", day.name());
    assertEquals(LatencyTable.LAST_DAY, day.window());
    assertEquals(3, day.steps());
    assertEquals(1, day.timeouts());
    assertEquals(700, day.deadlineMs());
    assertTrue(day.p50Ms() >= 14 && day.p50Ms() < 15, day.toString());
    assertTrue(day.p99Ms() >= 700, day.toString());
    assertEquals(List.of(), db.tx(() -> latencies.panel(house)).lines());
  }

  @Test
  void thePanelReadsAtMostItsCapOfNewestGamesAndOldGamesStayOutOfTheDay() throws Exception {
    try (Connection c = db.jdbc()) {
      // MAX_ROWS + 1 games: the oldest, a week old, is not read
      c.createStatement()
          .execute(
              "insert into matches (id, arena_id, game_type, config, seed, state)"
                  + " select gen_random_uuid(), "
                  + arena
                  + ", 'simple', '{}', 1, 'FINISHED' from generate_series(1, "
                  + (StepLatencies.MAX_ROWS + 1)
                  + ")");
      c.createStatement()
          .execute(
              "insert into step_latencies (match_id, spot, bot_id, bot_name, game_type, ended_at,"
                  + " deadline_ms, steps, timeouts, times) select id, 0, "
                  + red
                  + ", 'red', 'simple', now() - make_interval(secs => row_number() over () * 40),"
                  + " 2000, 1, 0, '"
                  + StepHistogram.bucketOf(5_000)
                  + ":1' from matches");
      c.createStatement()
          .execute(
              "update step_latencies set ended_at = now() - interval '7 days', times = '"
                  + StepHistogram.bucketOf(900_000)
                  + ":1' where ended_at = (select min(ended_at) from step_latencies)");
    }
    StepLatencies.Panel panel = db.tx(() -> latencies.panel(red));
    assertTrue(panel.capped());
    LatencyTable.Line day = panel.lines().get(0);
    assertEquals(LatencyTable.LAST_DAY, day.window());
    assertEquals(StepLatencies.MAX_ROWS, day.games(), "the newest games, all within the day");
    assertTrue(day.p99Ms() < 6, "the week-old slow game was not read: " + day);
    LatencyTable.Line last = panel.lines().get(1);
    assertEquals(LatencyTable.LAST_STEPS, last.steps());
  }
}

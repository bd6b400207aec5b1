package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A course client file, the SDK's comprl-style example as students write it ({@code from
 * comprl.client import Agent, launch_client}), run unchanged with {@code python3 -m
 * arena_client.comprl} in a training arena that plays hockey: the matchmaker pairs it with the
 * house bot {@code strong} (the course's basic opponent), and its matches are stored and rated.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HockeyTrainingIT {

  private static final int GAMES = 3;

  private final Stack stack = Stack.HOCKEY;
  private final Path log = Path.of("target/comprl-hockey.log").toAbsolutePath();

  @BeforeAll
  void start() throws Exception {
    stack.start(1);
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void aCourseClientPlaysRatedTrainingMatchesOfHockeyAgainstTheHouseBot() throws Exception {
    String token = stack.addBot("course", "comprl-chaser");
    Process client =
        new ProcessBuilder(
                "/usr/bin/python3",
                "-m",
                "arena_client.comprl",
                "examples/comprl_agent.py",
                "--server-url",
                stack.botUrl(1),
                "--token",
                token,
                "--games",
                Integer.toString(GAMES),
                "--no-reconnect",
                "--args",
                "--agent=chaser")
            .directory(stack.root().resolve("clients/python").toFile())
            .redirectErrorStream(true)
            .redirectOutput(log.toFile()) // a file: a full pipe would stall the client
            .start();
    try {
      // 3 matches of 4 rounds (at most 1004 steps each) against a bot played in the runner
      assertTrue(
          client.waitFor(300, TimeUnit.SECONDS),
          "the client played " + GAMES + " games within 5 minutes: " + Files.readString(log));
    } finally {
      client.destroyForcibly();
    }
    String output = Files.readString(log);
    assertEquals(0, client.exitValue(), output);
    List<String> ends = output.lines().filter(l -> l.startsWith("Game ended: ")).toList();
    assertEquals(GAMES, ends.size(), "the agent's on_end_game ran once per game: " + output);
    assertEquals(
        GAMES,
        output.lines().filter(l -> l.startsWith("Game started (id: ")).count(),
        "on_start_game got comprl's game id (16 bytes, turned into a UUID): " + output);
    assertTrue(
        output.lines().noneMatch(l -> l.contains("Traceback") || l.startsWith("Error: ")), output);

    // the matches the client played are the first it finished (it may have been paired once more
    // before it left: that one ends without it)
    List<String> stored =
        await(
            () -> {
              List<String> found = matches("comprl-chaser");
              return found.size() >= GAMES ? found.subList(0, GAMES) : null;
            });
    for (String match : stored) {
      assertTrue(match.startsWith("hockey "), "a training match of hockey: " + match);
      assertTrue(match.contains(" house-strong "), "against the house bot strong: " + match);
      assertTrue(
          match.matches(".* (WIN|DRAW)/(normal|step_cap) .*"), "played to its end: " + match);
      assertTrue(match.endsWith(" rounds 4"), "comprl's four rounds: " + match);
    }
    // the agent was told what the server stored, game by game (its goals, the opponent's)
    for (int i = 0; i < GAMES; i++) {
      String[] goals = stored.get(i).replaceAll(".* goals (\\S+) (\\S+) .*", "$1 $2").split(" ");
      assertTrue(
          ends.get(i)
              .endsWith(
                  "with my score: " + goals[0] + " against the opponent with score: " + goals[1]),
          "game " + i + ": " + ends.get(i) + " vs stored " + stored.get(i));
    }
    int rated =
        await(
            () -> {
              try (Connection db = stack.database();
                  PreparedStatement q =
                      db.prepareStatement(
                          "select r.games from ratings r join bots b on b.id = r.bot_id"
                              + " where b.name = ? and r.game_type = 'hockey'")) {
                q.setString(1, "comprl-chaser");
                try (ResultSet rs = q.executeQuery()) {
                  return rs.next() && rs.getInt(1) >= GAMES ? rs.getInt(1) : null;
                }
              }
            });
    assertTrue(rated >= GAMES, "every match was rated: " + rated);
  }

  private interface Check<T> {
    T value() throws Exception;
  }

  /** The first non-null value of {@code check}, polled for up to a minute. */
  private static <T> T await(Check<T> check) throws Exception {
    long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(60);
    while (true) {
      T value = check.value();
      if (value != null) {
        return value;
      }
      if (System.nanoTime() > until) {
        throw new AssertionError("not within 60 s");
      }
      Thread.sleep(200);
    }
  }

  /**
   * The bot's finished matches in the order they ended: game, opponent, end, the bot's goals and
   * the opponent's, and the number of rounds of its config.
   */
  private List<String> matches(String bot) throws Exception {
    List<String> matches = new ArrayList<>();
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement(
                "select m.game_type, o.bot_name, m.end_state || '/' || m.end_reason, me.score,"
                    + " o.score, coalesce(m.config ->> 'rounds', '4') from matches m join"
                    + " match_players me on me.match_id = m.id join match_players o on o.match_id ="
                    + " m.id and o.spot <> me.spot where me.bot_name = ? and m.state = 'FINISHED'"
                    + " order by m.ended_at")) {
      q.setString(1, bot);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          matches.add(
              rs.getString(1)
                  + " "
                  + rs.getString(2)
                  + " "
                  + rs.getString(3)
                  + " goals "
                  + format(rs.getDouble(4))
                  + " "
                  + format(rs.getDouble(5))
                  + " rounds "
                  + rs.getString(6));
        }
      }
    }
    return matches;
  }

  /** As Python prints a float (the agent prints comprl's float scores): 2.0. */
  private static String format(double goals) {
    return Double.toString(goals);
  }
}

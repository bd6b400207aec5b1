package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A newcomer's first run, as the README says it: {@code ./arena demo}. Its house bots are separate
 * protocol clients (HouseBotClient), with every setting at its default; their games must end as
 * games end, not by a timeout, an invalid action or a disconnect, and the leaderboard must move.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DemoIT {

  private static final int MATCHES = 30;
  private static final long WITHIN_MILLIS = 60_000;

  private final Stack stack = Stack.DEMO;

  @BeforeAll
  void start() throws Exception {
    stack.startDemo();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void theHouseBotsPlayRealGamesAndTheLeaderboardMoves() throws Exception {
    long until = System.currentTimeMillis() + WITHIN_MILLIS;
    Map<String, Integer> ends = ends();
    while (finished(ends) < MATCHES && System.currentTimeMillis() < until) {
      Thread.sleep(1000);
      ends = ends();
    }
    assertTrue(finished(ends) >= MATCHES, "at least " + MATCHES + " matches within 60 s: " + ends);
    for (String end : ends.keySet()) {
      assertTrue(
          end.endsWith("/normal"),
          "every match ends normally, none by timeout, invalid action or" + " disconnect: " + ends);
    }

    try (Connection db = stack.database();
        Statement q = db.createStatement();
        ResultSet rs =
            q.executeQuery(
                "select count(*) from ratings r join bots b on b.id = r.bot_id join teams t on t.id"
                    + " = b.team_id where t.name = 'house' and b.name like 'house-%' and r.games >"
                    + " 0")) {
      rs.next();
      assertEquals(4, rs.getInt(1), "the four demo house bots are rated");
    }
    assertTrue(
        stack.get(1, "leaderboard.xhtml").contains("house-greedy-1"), "the leaderboard lists them");

    List<String> complaints = new ArrayList<>();
    try (Stream<Path> logs = Files.list(stack.logs())) {
      for (Path log :
          logs.filter(p -> p.getFileName().toString().startsWith("bot-house-")).toList()) {
        for (String line : Files.readAllLines(log)) {
          if (line.startsWith("error ")
              || line.startsWith("could not handle")
              || line.contains("Exception")) {
            complaints.add(log.getFileName() + ": " + line);
          }
        }
      }
    }
    assertEquals(List.of(), complaints, "the house bots logged no error");
  }

  /** Finished matches by end state and reason, e.g. {@code WIN/normal=12}. */
  private Map<String, Integer> ends() throws Exception {
    Map<String, Integer> ends = new TreeMap<>();
    try (Connection db = stack.database();
        Statement q = db.createStatement();
        ResultSet rs =
            q.executeQuery(
                "select end_state || '/' || end_reason, count(*) from matches"
                    + " where state = 'FINISHED' group by 1")) {
      while (rs.next()) {
        ends.put(rs.getString(1), rs.getInt(2));
      }
    }
    return ends;
  }

  private static int finished(Map<String, Integer> ends) {
    return ends.values().stream().mapToInt(Integer::intValue).sum();
  }
}

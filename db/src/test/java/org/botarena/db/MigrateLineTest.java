package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * {@code ./arena admin migrate} says in one line where the schema is, and Flyway's own INFO records
 * stay quiet. On the real PostgreSQL ({@code ARENA_TEST_DB_HOST}, default 127.0.0.1:5432).
 */
class MigrateLineTest {

  private static final String NAME = "arena_dbtest_migrate";

  private final Logger flyway = Logger.getLogger("org.flywaydb");
  private final List<LogRecord> records = new CopyOnWriteArrayList<>();
  private final Handler recorder =
      new Handler() {
        @Override
        public void publish(LogRecord record) {
          records.add(record);
        }

        @Override
        public void flush() {}

        @Override
        public void close() {}
      };

  @BeforeEach
  void freshDatabase() throws Exception {
    TestDatabases.fresh(NAME);
    flyway.addHandler(recorder);
    flyway.setUseParentHandlers(false); // the control's records go to the recorder, not the console
  }

  @AfterEach
  void removeRecorder() {
    flyway.removeHandler(recorder);
    flyway.setUseParentHandlers(true);
  }

  @Test
  void oneLineForTheSchemaAndNoFlywayInfoRecords() {
    Database database =
        new Database(
            new DatabaseSettings(
                "jdbc:postgresql://" + TestDatabases.HOST + "/" + NAME, "postgres", "postgres"));

    Matcher applied =
        Pattern.compile("schema at version (\\d+) \\((\\d+) migrations applied\\)")
            .matcher(AdminMain.migrate(database));
    assertTrue(applied.matches(), applied::toString);
    assertTrue(Integer.parseInt(applied.group(2)) > 1);
    assertEquals(List.of(), infoRecords(), "Flyway's INFO records are silenced while migrating");

    assertEquals("schema up to date at version " + applied.group(1), AdminMain.migrate(database));
    assertEquals(List.of(), infoRecords());

    // the control: unsilenced, the same Flyway logs through the recorder (the silence above is
    // real)
    database.migrate();
    assertFalse(infoRecords().isEmpty(), "Flyway logs INFO through java.util.logging");
  }

  private List<String> infoRecords() {
    return records.stream()
        .filter(r -> r.getLevel().intValue() <= Level.INFO.intValue())
        .map(LogRecord::getMessage)
        .toList();
  }
}

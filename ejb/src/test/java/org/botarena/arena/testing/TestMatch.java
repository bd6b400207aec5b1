package org.botarena.arena.testing;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A match row of {@code simple} written straight to the database, with its players, for the
 * services that read matches: {@code new TestMatch(arena, "RUNNING").set("instance",
 * "'i2'").player(bot).insert(db)}. Column values are SQL expressions.
 */
public final class TestMatch {

  private final UUID id = UUID.randomUUID();
  private final Map<String, String> columns = new LinkedHashMap<>();
  private final List<String> players = new ArrayList<>();

  public TestMatch(long arena, String state) {
    columns.put("id", "'" + id + "'");
    columns.put("arena_id", String.valueOf(arena));
    columns.put("game_type", "'simple'");
    columns.put("config", "'{}'");
    columns.put("seed", "1");
    columns.put("state", "'" + state + "'");
  }

  /**
   * Sets {@code column} to the SQL expression {@code sql}, e.g. {@code "now() - interval '45
   * seconds'"}.
   */
  public TestMatch set(String column, String sql) {
    columns.put(column, sql);
    return this;
  }

  /** The next spot's bot, with no result. */
  public TestMatch player(long bot) {
    return player(bot, null);
  }

  /** The next spot's bot and its result ({@code win}, {@code loss}, ...). */
  public TestMatch player(long bot, String result) {
    players.add(
        "('"
            + id
            + "', "
            + players.size()
            + ", "
            + bot
            + ", 'bot"
            + bot
            + "', "
            + (result == null ? "null" : "'" + result + "'")
            + ")");
    return this;
  }

  public UUID insert(ServiceDatabase db) throws SQLException {
    try (Connection c = db.jdbc()) {
      c.createStatement()
          .execute(
              "insert into matches ("
                  + String.join(", ", columns.keySet())
                  + ") values ("
                  + String.join(", ", columns.values())
                  + ")");
      if (!players.isEmpty()) {
        c.createStatement()
            .execute(
                "insert into match_players (match_id, spot, bot_id, bot_name, result) values "
                    + String.join(", ", players));
      }
    }
    return id;
  }
}

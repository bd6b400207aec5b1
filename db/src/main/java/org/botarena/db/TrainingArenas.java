package org.botarena.db;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.botarena.protocol.Json;

/**
 * The training arenas' rows, for the matchmaking leader, the admin page and the admin CLI alike: an
 * arena is opened (with its first season) the first time it is used, and its game config and
 * settings ({@link ArenaSettings}) are changed here, checked first. Runs in the caller's
 * transaction.
 */
public final class TrainingArenas {

  /** The channel the matchmaking leader listens on: a change wakes it, so it applies at once. */
  public static final String MATCHMAKING_CHANNEL = "arena_matchmaking";

  /** A training arena: its game, its game config and its own settings (key to canonical value). */
  public record Arena(long id, String gameType, String config, Map<String, String> settings) {}

  private TrainingArenas() {}

  /** The training arena of {@code gameType}, opened with its first season if it is not yet. */
  public static long ensure(Connection c, String gameType) throws SQLException {
    Long id = find(c, gameType);
    if (id != null) {
      return id;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into arenas (kind, name, game_type) values ('TRAINING', ?, ?)"
                + " on conflict (name) do nothing")) {
      insert.setString(1, "training-" + gameType);
      insert.setString(2, gameType);
      insert.executeUpdate();
    }
    try (PreparedStatement season =
        c.prepareStatement(
            "insert into seasons (arena_id, number, started_at) select id, 1, created_at from"
                + " arenas where name = ? on conflict do nothing")) {
      season.setString(1, "training-" + gameType);
      season.executeUpdate();
    }
    id = find(c, gameType);
    if (id == null) {
      throw new IllegalStateException(
          "the arena name training-" + gameType + " is taken by an arena of another kind");
    }
    return id;
  }

  /** The training arena of {@code gameType} as it is stored now, or null. */
  public static Arena read(Connection c, String gameType) throws SQLException {
    for (Arena a : list(c)) {
      if (a.gameType().equals(gameType)) {
        return a;
      }
    }
    return null;
  }

  /** Every training arena, by game. */
  public static List<Arena> list(Connection c) throws SQLException {
    List<Arena> arenas = new ArrayList<>();
    try (PreparedStatement q =
            c.prepareStatement(
                "select id, game_type, config::text, settings::text from arenas"
                    + " where kind = 'TRAINING' order by game_type");
        ResultSet rs = q.executeQuery()) {
      while (rs.next()) {
        arenas.add(
            new Arena(rs.getLong(1), rs.getString(2), rs.getString(3), settings(rs.getString(4))));
      }
    }
    return arenas;
  }

  /**
   * Sets ({@code set}, key to value) and resets ({@code unset}: back to the operator's default)
   * settings of {@code gameType}'s arena, {@link ArenaSettings#CONFIG} included; every value is
   * checked before anything changes. The leader is woken to apply them. Returns the arena as it is
   * then.
   */
  public static Arena change(
      Connection c, String gameType, Map<String, String> set, Set<String> unset)
      throws SQLException {
    Map<String, String> canonical = ArenaSettings.normalizeAll(gameType, set);
    for (String key : unset) {
      if (!ArenaSettings.names().contains(key)) {
        ArenaSettings.normalize(gameType, key, ""); // names the settings there are
      }
      if (canonical.containsKey(key)) {
        throw new IllegalArgumentException("'" + key + "' is both set and reset.");
      }
    }
    long id = ensure(c, gameType);
    String config = canonical.remove(ArenaSettings.CONFIG);
    if (unset.contains(ArenaSettings.CONFIG)) {
      config = "{}";
    }
    if (config != null) {
      try (PreparedStatement p =
          c.prepareStatement("update arenas set config = ?::jsonb where id = ?")) {
        p.setString(1, config);
        p.setLong(2, id);
        p.executeUpdate();
      }
    }
    ObjectNode changes = Json.object();
    canonical.forEach(changes::put);
    try (PreparedStatement p =
        c.prepareStatement(
            "update arenas set settings = (settings || ?::jsonb) - ?::text[] where id = ?")) {
      p.setString(1, Json.write(changes));
      p.setArray(2, c.createArrayOf("text", unset.toArray()));
      p.setLong(3, id);
      p.executeUpdate();
    }
    try (PreparedStatement p =
        c.prepareStatement("select pg_notify('" + MATCHMAKING_CHANNEL + "', '')")) {
      p.execute();
    }
    return read(c, gameType);
  }

  private static Long find(Connection c, String gameType) throws SQLException {
    try (PreparedStatement q =
        c.prepareStatement("select id from arenas where kind = 'TRAINING' and game_type = ?")) {
      q.setString(1, gameType);
      try (ResultSet rs = q.executeQuery()) {
        return rs.next() ? rs.getLong(1) : null;
      }
    }
  }

  /** The stored settings (a JSON object of texts) as a sorted map. */
  public static Map<String, String> settings(String json) {
    Map<String, String> settings = new TreeMap<>();
    if (json != null && !json.isBlank()) {
      Json.parse(json)
          .fields()
          .forEachRemaining(e -> settings.put(e.getKey(), e.getValue().asText()));
    }
    return settings;
  }
}

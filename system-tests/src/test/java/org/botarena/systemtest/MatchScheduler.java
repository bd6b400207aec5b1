package org.botarena.systemtest;

import jakarta.jms.JMSContext;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.util.List;
import java.util.UUID;
import org.apache.activemq.artemis.jms.client.ActiveMQConnectionFactory;

/**
 * Schedules a match of a chosen game between chosen bots the way the matchmaker does: a QUEUED
 * match row in a debug arena (unrated) and its id on queue {@code arena.matches}, where the real
 * runner MDB takes it. The protocol tests need games the training arena would not pick.
 */
final class MatchScheduler implements AutoCloseable {

  private final Stack stack;
  private final ActiveMQConnectionFactory broker;
  private final long arenaId;
  private final long showcaseId;

  MatchScheduler(Stack stack) throws Exception {
    this.stack = stack;
    this.broker = stack.broker();
    try (Connection db = stack.database()) {
      db.createStatement()
          .execute(
              "insert into arenas (kind, name, game_type) values ('DEBUG', 'protocol-tests',"
                  + " 'simple') on conflict (name) do nothing");
      try (ResultSet rs =
          db.createStatement()
              .executeQuery("select id from arenas where name = 'protocol-tests'")) {
        rs.next();
        this.arenaId = rs.getLong(1);
      }
      // a tournament-kind arena: its games are public (replays served) and, like debug games,
      // unrated
      db.createStatement()
          .execute(
              "insert into arenas (kind, name, game_type) values ('TOURNAMENT',"
                  + " 'protocol-showcase', 'simple') on conflict (name) do nothing");
      try (ResultSet rs =
          db.createStatement()
              .executeQuery("select id from arenas where name = 'protocol-showcase'")) {
        rs.next();
        this.showcaseId = rs.getLong(1);
      }
    }
  }

  /**
   * Schedules {@code gameType} with {@code config} (JSON) for the bots by spot; returns the match
   * id.
   */
  UUID schedule(String gameType, String config, long seed, List<Long> botsBySpot) throws Exception {
    return send(insert(arenaId, "QUEUED", gameType, config, seed, botsBySpot));
  }

  /** The same in a public arena, whose replays the viewer serves. */
  UUID schedulePublic(String gameType, String config, long seed, List<Long> botsBySpot)
      throws Exception {
    return send(insert(showcaseId, "QUEUED", gameType, config, seed, botsBySpot));
  }

  /**
   * The same in the debug arena of user {@code owner} (created if it has none): its team's game,
   * nobody else's.
   */
  UUID scheduleDebug(String owner, String gameType, String config, long seed, List<Long> botsBySpot)
      throws Exception {
    long arena;
    try (Connection db = stack.database();
        PreparedStatement insert =
            db.prepareStatement(
                "insert into arenas (kind, name, game_type, owner_id) select 'DEBUG', 'debug-' ||"
                    + " u.username, ?, u.id from users u where u.username = ? on conflict do"
                    + " nothing");
        PreparedStatement find =
            db.prepareStatement(
                "select a.id from arenas a join users u on u.id = a.owner_id where a.kind ="
                    + " 'DEBUG' and u.username = ?")) {
      insert.setString(1, gameType);
      insert.setString(2, owner);
      insert.executeUpdate();
      find.setString(1, owner);
      try (ResultSet rs = find.executeQuery()) {
        if (!rs.next()) {
          throw new IllegalArgumentException("no user " + owner);
        }
        arena = rs.getLong(1);
      }
    }
    return send(insert(arena, "QUEUED", gameType, config, seed, botsBySpot));
  }

  private UUID send(UUID id) {
    try (JMSContext jms = broker.createContext()) {
      jms.createProducer().send(jms.createQueue("arena.matches"), id.toString());
    }
    return id;
  }

  /** A match as it is left after its last attempt was lost: FAILED, no message anywhere. */
  UUID failed(String gameType, String config, long seed, List<Long> botsBySpot) throws Exception {
    return insert(arenaId, "FAILED", gameType, config, seed, botsBySpot);
  }

  private UUID insert(
      long arena, String state, String gameType, String config, long seed, List<Long> botsBySpot)
      throws Exception {
    UUID id = UUID.randomUUID();
    try (Connection db = stack.database()) {
      try (PreparedStatement match =
          db.prepareStatement(
              "insert into matches (id, arena_id, game_type, config, seed, state, attempt)"
                  + " values (?, ?, ?, ?::jsonb, ?, ?, ?)")) {
        match.setObject(1, id);
        match.setLong(2, arena);
        match.setString(3, gameType);
        match.setString(4, config);
        match.setLong(5, seed);
        match.setString(6, state);
        match.setInt(7, state.equals("FAILED") ? 3 : 0);
        match.executeUpdate();
      }
      for (int spot = 0; spot < botsBySpot.size(); spot++) {
        try (PreparedStatement player =
            db.prepareStatement(
                "insert into match_players (match_id, spot, bot_id, bot_name, gateway) select ?, ?,"
                    + " b.id, b.name, s.instance from bots b left join bot_sessions s on s.bot_id ="
                    + " b.id where b.id = ?")) {
          player.setObject(1, id);
          player.setInt(2, spot);
          player.setLong(3, botsBySpot.get(spot));
          player.executeUpdate();
        }
      }
    }
    return id;
  }

  /** A match's end as stored: {@code end_state/end_reason}, or null while it runs. */
  String stored(UUID match) throws Exception {
    try (Connection db = stack.database();
        PreparedStatement q =
            db.prepareStatement("select state, end_state, end_reason from matches where id = ?")) {
      q.setObject(1, match);
      try (ResultSet rs = q.executeQuery()) {
        rs.next();
        return "FINISHED".equals(rs.getString(1)) ? rs.getString(2) + "/" + rs.getString(3) : null;
      }
    }
  }

  @Override
  public void close() {
    broker.close();
  }
}

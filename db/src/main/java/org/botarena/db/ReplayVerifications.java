package org.botarena.db;

import java.io.ByteArrayInputStream;
import java.io.UncheckedIOException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.botarena.games.Games;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayCheck;
import org.botarena.games.replay.ReplayMismatch;
import org.botarena.games.replay.ReplayVerifier;

/**
 * Stored replays played again ({@link ReplayVerifier}) and the outcome kept ({@code
 * V23__replay_verifications.sql}), for {@code ./arena admin verify-replays} and the leader's
 * housekeeping alike: which replays to check, how one is checked, and how its outcome is stored are
 * written once, here. Runs on the caller's connection and in its transaction (one check a
 * transaction: {@link #check} locks the match's outcome until the caller commits).
 */
public final class ReplayVerifications {

  /**
   * How far back the leader looks for a replay it has not checked: its newest this many. A busy
   * arena stores far more replays than the leader checks, so its checks are a sample of the recent
   * games, and a round's query never walks the whole table.
   */
  static final int RECENT_WINDOW = 1000;

  /**
   * The outcome of one replay's check.
   *
   * @param match the match
   * @param game its game type
   * @param frames the frames played again
   * @param mismatches every disagreement (none: the replay is consistent)
   */
  public record Result(UUID match, String game, int frames, List<ReplayMismatch> mismatches) {
    public Result {
      mismatches = List.copyOf(mismatches);
    }

    public boolean ok() {
      return mismatches.isEmpty();
    }
  }

  private final ReplayVerifier verifier;
  private final Predicate<String> known;

  /** Checks with the game types on the class path. */
  public ReplayVerifications() {
    this(new ReplayVerifier(), Games::exists);
  }

  ReplayVerifications(ReplayVerifier verifier, Predicate<String> known) {
    this.verifier = verifier;
    this.known = known;
  }

  /**
   * The stored replays to check, in match order: every one ({@code sample} 0) or a random sample of
   * {@code sample}, of one game type or of all ({@code game} null).
   */
  public static List<UUID> select(Connection c, String game, int sample) throws SQLException {
    if (sample < 0) {
      throw new IllegalArgumentException("a sample of 1 or more, or 0 for all, not " + sample);
    }
    String sql =
        "select r.match_id from replays r join matches m on m.id = r.match_id"
            + " where (cast(? as text) is null or m.game_type = ?)"
            + (sample > 0
                ? " order by random() limit " + sample
                : " order by m.created_at, r.match_id");
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement q = c.prepareStatement(sql)) {
      q.setString(1, game);
      q.setString(2, game);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  /**
   * At most {@code n} of the newest replays that were never checked (among the newest {@value
   * #RECENT_WINDOW}), newest first: the leader's sample for one round.
   */
  public static List<UUID> unchecked(Connection c, int n) throws SQLException {
    List<UUID> ids = new ArrayList<>();
    try (PreparedStatement q =
        c.prepareStatement(
            "select r.match_id from (select match_id, created_at from replays order by created_at"
                + " desc limit ?) r where not exists (select 1 from replay_verifications v where"
                + " v.match_id = r.match_id) order by r.created_at desc limit ?")) {
      q.setInt(1, RECENT_WINDOW);
      q.setInt(2, n);
      try (ResultSet rs = q.executeQuery()) {
        while (rs.next()) {
          ids.add(rs.getObject(1, UUID.class));
        }
      }
    }
    return ids;
  }

  /**
   * Checks one stored replay and stores the outcome (replacing an earlier one); empty when the
   * replay is gone (dropped by the retention meanwhile) or its game is not installed here (a
   * plug-in game the caller's class path lacks: nothing can be said about it).
   *
   * @param checkedBy {@code leader} or {@code cli}
   */
  public Optional<Result> check(Connection c, UUID match, String checkedBy) throws SQLException {
    String game;
    byte[] data;
    try (PreparedStatement q =
        c.prepareStatement(
            "select m.game_type, r.data from replays r join matches m on m.id = r.match_id"
                + " where r.match_id = ?")) {
      q.setObject(1, match);
      try (ResultSet rs = q.executeQuery()) {
        if (!rs.next()) {
          return Optional.empty();
        }
        game = rs.getString(1);
        data = rs.getBytes(2);
      }
    }
    if (!known.test(game)) {
      return Optional.empty();
    }
    Result result = verify(match, game, data);
    record(c, result, checkedBy);
    return Optional.of(result);
  }

  /** The check itself: a replay that cannot even be read is one mismatch at step 0. */
  Result verify(UUID match, String game, byte[] data) {
    Replay replay;
    try {
      replay = Replay.read(new ByteArrayInputStream(data));
    } catch (IllegalArgumentException | UncheckedIOException | ClassCastException e) {
      return new Result(
          match,
          game,
          0,
          List.of(new ReplayMismatch(0, "format", "(file)", "the replay cannot be read: " + e)));
    }
    List<ReplayMismatch> found = new ArrayList<>();
    if (!replay.header().game().equals(game)) {
      found.add(
          new ReplayMismatch(
              0,
              "header",
              "game",
              "the match is " + game + ", its replay " + replay.header().game()));
    }
    ReplayCheck check = verifier.verify(replay);
    found.addAll(check.mismatches());
    return new Result(match, game, check.framesChecked(), found);
  }

  /**
   * Stores the outcome in place of an earlier one. The upsert locks the match's row first, so two
   * checks of one replay at once (the leader's and the command line's) are stored one after the
   * other, not mixed.
   */
  private static void record(Connection c, Result result, String checkedBy) throws SQLException {
    try (PreparedStatement upsert =
        c.prepareStatement(
            "insert into replay_verifications (match_id, game_type, frames, mismatches,"
                + " checked_by) values (?, ?, ?, ?, ?) on conflict (match_id) do update set"
                + " game_type = excluded.game_type, frames = excluded.frames, mismatches ="
                + " excluded.mismatches, checked_by = excluded.checked_by, verified_at = now()")) {
      upsert.setObject(1, result.match());
      upsert.setString(2, result.game());
      upsert.setInt(3, result.frames());
      upsert.setInt(4, result.mismatches().size());
      upsert.setString(5, checkedBy);
      upsert.executeUpdate();
    }
    try (PreparedStatement delete =
        c.prepareStatement("delete from replay_mismatches where match_id = ?")) {
      delete.setObject(1, result.match());
      delete.executeUpdate();
    }
    if (result.ok()) {
      return;
    }
    try (PreparedStatement insert =
        c.prepareStatement(
            "insert into replay_mismatches (match_id, n, step, part, path, detail)"
                + " values (?, ?, ?, ?, ?, ?)")) {
      int n = 0;
      for (ReplayMismatch m : result.mismatches()) {
        insert.setObject(1, result.match());
        insert.setInt(2, n++);
        insert.setInt(3, m.step());
        insert.setString(4, clip(m.part(), 16));
        insert.setString(5, clip(m.path(), 200));
        insert.setString(6, clip(m.detail(), 1000));
        insert.addBatch();
      }
      insert.executeBatch();
    }
  }

  private static String clip(String text, int max) {
    return text.length() <= max ? text : text.substring(0, max - 3) + "...";
  }
}

package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The replays of a filtered set of finished matches, for bulk download (imitation learning): the
 * ids first, then each replay on its own, so that an archive of thousands of games is streamed
 * without holding them all in memory.
 */
@Stateless
public class ReplayExport {

  /**
   * What to export; null fields do not filter. A match is exported when one of its players passes
   * the bot and rating filters; the learning data holds the rows of those players ({@link
   * #players}).
   *
   * @param bot a player's name at match time (any case)
   * @param minRating the least rating of that player (the leaderboard's mu - 3 sigma, before the
   *     match, or the bot's current one for an unrated match such as a tournament game)
   * @param maxRating the greatest
   */
  public record Filter(
      String gameType,
      String bot,
      Instant from,
      Instant to,
      int max,
      Double minRating,
      Double maxRating) {

    public Filter(String gameType, String bot, Instant from, Instant to, int max) {
      this(gameType, bot, from, to, max, null, null);
    }

    public Filter {
      if (minRating != null && maxRating != null && minRating > maxRating) {
        throw new IllegalArgumentException(
            "min_rating " + minRating + " is above max_rating " + maxRating);
      }
    }
  }

  /** A match to export and the size of its stored replay (for the archive's expected size). */
  public record Entry(UUID match, long bytes) {}

  /**
   * A player's rating in match {@code m} (player {@code p}): before the match if it was rated, else
   * the bot's current rating in the game.
   */
  private static final String RATING =
      "coalesce((select h.mu_before - 3 * h.sigma_before from rating_history h where h.match_id ="
          + " m.id and h.bot_id = p.bot_id), (select r.mu - 3 * r.sigma from ratings r where"
          + " r.bot_id = p.bot_id and r.game_type = m.game_type))";

  /**
   * Whether player {@code p} of match {@code m} passes the filter: parameters ?b (the bot), ?b+1
   * and ?b+2 (the rating range, as text: an untyped null double is not bound well).
   */
  private static String player(int b) {
    String bot = "?" + b;
    String min = "?" + (b + 1);
    String max = "?" + (b + 2);
    return "(cast("
        + bot
        + " as text) is null or lower(p.bot_name) = lower("
        + bot
        + ")) and (cast("
        + min
        + " as text) is null or "
        + RATING
        + " >= cast("
        + min
        + " as text)::float8) and (cast("
        + max
        + " as text) is null or "
        + RATING
        + " <= cast("
        + max
        + " as text)::float8)";
  }

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /**
   * The matching finished matches with a replay, oldest first: training and tournament games, and
   * the debug games of {@code username}'s team (null: nobody signed in).
   */
  public List<Entry> matches(Filter filter, String username) {
    List<Entry> entries = new ArrayList<>();
    Query query =
        em.createNativeQuery(
            "select m.id, octet_length(r.data) from matches m join arenas a on a.id ="
                + " m.arena_id join replays r on r.match_id = m.id where m.state = 'FINISHED'"
                + " and "
                + GameVisibility.VISIBLE
                + " and (cast(?1 as text) is null or m.game_type = ?1) and exists (select 1 from"
                + " match_players p where p.match_id = m.id and "
                + player(6)
                + ") and (cast(?3 as timestamptz) is null or m.created_at >= ?3) and (cast(?4 as"
                + " timestamptz) is null or m.created_at < ?4) order by m.created_at limit ?5");
    players(query, 6, filter)
        .setParameter(1, filter.gameType())
        .setParameter(2, GameVisibility.user(username))
        .setParameter(3, filter.from() == null ? null : java.sql.Timestamp.from(filter.from()))
        .setParameter(4, filter.to() == null ? null : java.sql.Timestamp.from(filter.to()))
        .setParameter(5, filter.max());
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      entries.add(new Entry((UUID) r[0], ((Number) r[1]).longValue()));
    }
    return entries;
  }

  /**
   * The players of {@code match} that pass the filter's bot and rating: name at match time by spot.
   */
  public Map<Integer, String> players(UUID match, Filter filter) {
    Map<Integer, String> players = new TreeMap<>();
    Query query =
        em.createNativeQuery(
            "select p.spot, p.bot_name from match_players p join matches m on m.id = p.match_id"
                + " where m.id = ?1 and "
                + player(2)
                + " order by p.spot");
    players(query, 2, filter).setParameter(1, match);
    for (Object row : query.getResultList()) {
      Object[] r = (Object[]) row;
      players.put(((Number) r[0]).intValue(), (String) r[1]);
    }
    return players;
  }

  /** Binds the filter's bot and rating range from parameter {@code b} on ({@link #player}). */
  private static Query players(Query query, int b, Filter filter) {
    return query
        .setParameter(b, filter.bot())
        .setParameter(b + 1, filter.minRating() == null ? null : filter.minRating().toString())
        .setParameter(b + 2, filter.maxRating() == null ? null : filter.maxRating().toString());
  }

  /** One replay's stored bytes (gzip-compressed JSON lines). */
  public byte[] replay(UUID match) {
    return (byte[])
        em.createNativeQuery("select data from replays where match_id = ?1")
            .setParameter(1, match)
            .getSingleResult();
  }
}

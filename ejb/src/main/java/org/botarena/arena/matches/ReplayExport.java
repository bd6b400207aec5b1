package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * The replays of a filtered set of finished matches, for bulk download (imitation learning): the
 * ids first, then each replay on its own, so that an archive of thousands of games is streamed
 * without holding them all in memory.
 */
@Stateless
public class ReplayExport {

  /** What to export; null fields do not filter. */
  public record Filter(String gameType, String bot, Instant from, Instant to, int max) {}

  /** A match to export and the size of its stored replay (for the archive's expected size). */
  public record Entry(UUID match, long bytes) {}

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /**
   * The matching finished matches with a replay, oldest first: training and tournament games, and
   * the debug games of {@code username}'s team (null: nobody signed in).
   */
  public List<Entry> matches(Filter filter, String username) {
    List<Entry> entries = new ArrayList<>();
    for (Object row :
        em.createNativeQuery(
                "select m.id, octet_length(r.data) from matches m join arenas a on a.id ="
                    + " m.arena_id join replays r on r.match_id = m.id where m.state = 'FINISHED'"
                    + " and "
                    + GameVisibility.VISIBLE
                    + " and (cast(?1 as text) is null or m.game_type = ?1) and (cast(?6 as text) is"
                    + " null or exists (select 1 from match_players p where p.match_id = m.id   and"
                    + " lower(p.bot_name) = lower(?6))) and (cast(?3 as timestamptz) is null or"
                    + " m.created_at >= ?3) and (cast(?4 as timestamptz) is null or m.created_at <"
                    + " ?4) order by m.created_at limit ?5")
            .setParameter(1, filter.gameType())
            .setParameter(2, GameVisibility.user(username))
            .setParameter(3, filter.from() == null ? null : java.sql.Timestamp.from(filter.from()))
            .setParameter(4, filter.to() == null ? null : java.sql.Timestamp.from(filter.to()))
            .setParameter(5, filter.max())
            .setParameter(6, filter.bot())
            .getResultList()) {
      Object[] r = (Object[]) row;
      entries.add(new Entry((UUID) r[0], ((Number) r[1]).longValue()));
    }
    return entries;
  }

  /** One replay's stored bytes (gzip-compressed JSON lines). */
  public byte[] replay(UUID match) {
    return (byte[])
        em.createNativeQuery("select data from replays where match_id = ?1")
            .setParameter(1, match)
            .getSingleResult();
  }
}

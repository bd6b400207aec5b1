package org.botarena.arena.ratings;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.platform.SqlValues;
import org.botarena.db.Seasons;
import org.hibernate.Session;

/**
 * The seasons of a game's training arena: the list for the leaderboard, and a new season for an
 * admin.
 */
@Stateless
public class SeasonService {

  private static final Logger LOG = Logger.getLogger(SeasonService.class.getName());

  /** A season; {@code endedAt} is null for the current one. */
  public record Season(long id, int number, Instant startedAt, Instant endedAt) {
    public boolean current() {
      return endedAt == null;
    }
  }

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /**
   * The seasons of {@code gameType}'s training arena, newest first (empty before it first opened).
   */
  public List<Season> seasons(String gameType) {
    return ((List<?>)
            em.createNativeQuery(
                    "select s.id, s.number, s.started_at, s.ended_at from seasons s join arenas a"
                        + " on a.id = s.arena_id where a.kind = 'TRAINING' and a.game_type = ?1"
                        + " order by s.number desc")
                .setParameter(1, gameType)
                .getResultList())
        .stream()
            .map(
                o -> {
                  Object[] r = (Object[]) o;
                  return new Season(
                      ((Number) r[0]).longValue(),
                      ((Number) r[1]).intValue(),
                      SqlValues.instant(r[2]),
                      SqlValues.instant(r[3]));
                })
            .toList();
  }

  /**
   * Ends the current season of {@code gameType}'s training arena (its table is kept) and starts the
   * next: ratings start over, and matches booked before now are not rated any more. Admins only.
   */
  public int startNew(Caller caller, String gameType) {
    if (caller == null || !caller.admin()) {
      throw new AccessDenied("Only admins may start a season.");
    }
    int number;
    try {
      number = em.unwrap(Session.class).doReturningWork(c -> Seasons.startNew(c, gameType));
    } catch (IllegalArgumentException e) {
      throw new AccountException(e.getMessage());
    }
    LOG.warning(
        () -> "admin " + caller.username() + " started season " + number + " of " + gameType);
    return number;
  }
}

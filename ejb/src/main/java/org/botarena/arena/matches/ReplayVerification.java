package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.platform.SqlValues;
import org.botarena.db.ReplayVerifications;
import org.hibernate.Session;

/**
 * The leader's continuous check of stored replays (a few of the newest unchecked ones each
 * housekeeping round, by the same code as {@code ./arena admin verify-replays}: {@link
 * ReplayVerifications}), and what the operations page shows of every check so far.
 */
@Stateless
public class ReplayVerification {

  /** The checks so far: replays checked, how many differ, their mismatches, the last check. */
  public record Summary(long checked, long differing, long mismatches, Instant lastCheckedAt) {}

  /** One mismatch found, with its match. */
  public record Found(
      UUID match,
      String gameType,
      Instant verifiedAt,
      int step,
      String part,
      String path,
      String detail) {}

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  private final ReplayVerifications verifications = new ReplayVerifications();

  /**
   * Checks at most {@code max} of the newest replays not checked yet, in this transaction; returns
   * the outcome of each.
   */
  public List<ReplayVerifications.Result> checkRecent(int max) {
    return em.unwrap(Session.class)
        .doReturningWork(
            c -> {
              List<ReplayVerifications.Result> results = new ArrayList<>();
              for (UUID match : ReplayVerifications.unchecked(c, max)) {
                verifications.check(c, match, "leader").ifPresent(results::add);
              }
              return results;
            });
  }

  public Summary summary() {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select count(*), count(*) filter (where mismatches > 0),"
                        + " coalesce(sum(mismatches), 0), max(verified_at) from"
                        + " replay_verifications")
                .getSingleResult();
    return new Summary(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue(),
        SqlValues.instant(r[3]));
  }

  /** The mismatches of the {@code replays} replays that differed last, newest first. */
  public List<Found> lastMismatches(int replays) {
    List<Found> found = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select v.match_id, v.game_type, v.verified_at, x.step, x.part, x.path, x.detail"
                    + " from (select * from replay_verifications where mismatches > 0 order by"
                    + " verified_at desc limit ?1) v join replay_mismatches x on x.match_id ="
                    + " v.match_id order by v.verified_at desc, v.match_id, x.n")
            .setParameter(1, replays)
            .getResultList()) {
      Object[] r = (Object[]) o;
      found.add(
          new Found(
              (UUID) r[0],
              (String) r[1],
              SqlValues.instant(r[2]),
              ((Number) r[3]).intValue(),
              (String) r[4],
              (String) r[5],
              (String) r[6]));
    }
    return found;
  }
}

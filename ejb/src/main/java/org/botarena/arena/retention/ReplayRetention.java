package org.botarena.arena.retention;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Parameter;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The replay retention's queries: one sweep drops a batch of the replays that {@link
 * RetentionPolicy} no longer keeps and schedules the next look at the others; the forecast and the
 * storage figures feed the admin page. Every rule of the policy is written once, in the SQL below,
 * so that the sweep and the forecast cannot disagree. {@code now} is a parameter (never the
 * database's clock), so the policy is tested on a simulated clock.
 */
@Stateless
public class ReplayRetention {

  /** What one sweep did. */
  public record Sweep(int dropped, long bytesFreed, int rescheduled) {}

  /**
   * What the policy frees at a moment: replays and bytes; {@code capped} when more were due than
   * counted.
   */
  public record Forecast(long replays, long bytes, boolean capped) {}

  /** One day's stored replays. */
  public record Day(LocalDate day, long replays, long bytes) {}

  /** The database as the admin page shows it. */
  public record Storage(long databaseBytes, long replayTableBytes, List<Day> replaysPerDay) {}

  private static final int FORECAST_CAP = 100_000;

  // r, m, a: the replay, its match, its arena. A match's end (its replay's creation if unset).
  private static final String DUE =
      " from replays r join matches m on m.id = r.match_id join arenas a on a.id = m.arena_id"
          + " where r.review_after <= to_timestamp(:now)";
  private static final String ENDED = "coalesce(m.ended_at, r.created_at)";
  private static final String SAMPLED =
      "(:sampleEvery > 0 and mod(hashtextextended(cast(m.id as text), 0), :sampleEvery) = 0)";

  /**
   * One of a player's last K training games: fewer than K games of that player ended after it (at
   * most K read).
   */
  private static final String LAST_OF_A_PLAYER =
      "(:keepLast > 0 and exists (select 1 from match_players p where p.match_id = m.id and (select"
          + " count(*) from (select 1 from match_players p2   join matches m2 on m2.id ="
          + " p2.match_id where p2.bot_id = p.bot_id and m2.arena_id = m.arena_id   and m2.ended_at"
          + " > "
          + ENDED
          + " limit :keepLast) later) < :keepLast))";

  private static final String OLD_TRAINING =
      "(a.kind = 'TRAINING' and "
          + ENDED
          + " <= to_timestamp(:now) - make_interval(days => :trainingDays))";
  private static final String DROP =
      "((a.kind in ('DEBUG', 'EVALUATION') and "
          + ENDED
          + " <= to_timestamp(:now) - make_interval(days => :debugDays))"
          + " or ("
          + OLD_TRAINING
          + " and not "
          + SAMPLED
          + " and not "
          + LAST_OF_A_PLAYER
          + "))";

  /** When a kept replay is looked at again: at its age limit, in a day (a last game), or never. */
  private static final String NEXT_REVIEW =
      "case"
          + " when a.kind in ('DEBUG', 'EVALUATION') then "
          + ENDED
          + " + make_interval(days => :debugDays)"
          + " when a.kind = 'TRAINING' and not "
          + OLD_TRAINING
          + " then "
          + ENDED
          + " + make_interval(days => :trainingDays)"
          + " when a.kind = 'TRAINING' and not "
          + SAMPLED
          + " then to_timestamp(:now) + interval '1 day'"
          + " else cast('infinity' as timestamptz) end";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.retention.training-days")
  int trainingDays;

  @Inject
  @ConfigProperty(name = "arena.retention.debug-days")
  int debugDays;

  @Inject
  @ConfigProperty(name = "arena.retention.keep-last-per-bot")
  int keepLastPerBot;

  @Inject
  @ConfigProperty(name = "arena.retention.sample-every")
  int sampleEvery;

  @Inject
  @ConfigProperty(name = "arena.retention.batch")
  int batch;

  /**
   * The policy configured (arena.retention.*; a value out of its range fails here, with its key).
   */
  public RetentionPolicy policy() {
    return new RetentionPolicy(trainingDays, debugDays, keepLastPerBot, sampleEvery, batch);
  }

  /**
   * Drops at most {@code policy.batch()} replays that are due and no longer kept; reschedules the
   * kept.
   */
  public Sweep sweep(RetentionPolicy policy, Instant now) {
    List<?> rows =
        bind(
                em.createNativeQuery(
                    "select r.match_id, "
                        + DROP
                        + ", r.size_bytes"
                        + DUE
                        + " order by r.review_after limit :batch for update of r skip locked"),
                policy,
                now)
            .setParameter("batch", policy.batch())
            .getResultList();
    List<UUID> drop = new ArrayList<>();
    List<UUID> keep = new ArrayList<>();
    long bytes = 0;
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      if ((Boolean) r[1]) {
        drop.add((UUID) r[0]);
        bytes += ((Number) r[2]).longValue();
      } else {
        keep.add((UUID) r[0]);
      }
    }
    if (!drop.isEmpty()) {
      em.createNativeQuery("delete from replays where match_id in (:ids)")
          .setParameter("ids", drop)
          .executeUpdate();
    }
    if (!keep.isEmpty()) {
      bind(
              em.createNativeQuery(
                  "update replays r set review_after = "
                      + NEXT_REVIEW
                      + " from matches m, arenas a where m.id = r.match_id and a.id = m.arena_id"
                      + " and r.match_id in (:ids)"),
              policy,
              now)
          .setParameter("ids", keep)
          .executeUpdate();
    }
    return new Sweep(drop.size(), bytes, keep.size());
  }

  /**
   * What the sweeps will have dropped by {@code at}, from what is stored now (at most 100,000
   * replays read).
   */
  public Forecast forecast(RetentionPolicy policy, Instant at) {
    Object[] r =
        (Object[])
            bind(
                    em.createNativeQuery(
                        "select count(*) filter (where d.dropped),"
                            + " coalesce(sum(d.size_bytes) filter (where d.dropped), 0), count(*)"
                            + " from (select "
                            + DROP
                            + " as dropped, r.size_bytes"
                            + DUE
                            + " limit :cap) d"),
                    policy,
                    at)
                .setParameter("cap", FORECAST_CAP)
                .getSingleResult();
    return new Forecast(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        ((Number) r[2]).longValue() >= FORECAST_CAP);
  }

  /**
   * The database's size, the replay table's, and the replays stored on each of the last {@code
   * days} days.
   */
  public Storage storage(Instant now, int days) {
    Object[] sizes =
        (Object[])
            em.createNativeQuery(
                    "select pg_database_size(current_database()),"
                        + " pg_total_relation_size('replays')")
                .getSingleResult();
    List<Day> perDay = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select cast(r.created_at at time zone 'UTC' as date), count(*), sum(r.size_bytes)"
                    + " from replays r where r.created_at > to_timestamp(:now) - make_interval(days"
                    + " => :days) group by 1 order by 1")
            .setParameter("now", epochSeconds(now))
            .setParameter("days", days)
            .getResultList()) {
      Object[] r = (Object[]) o;
      perDay.add(
          new Day(
              ((java.sql.Date) r[0]).toLocalDate(),
              ((Number) r[1]).longValue(),
              ((Number) r[2]).longValue()));
    }
    return new Storage(((Number) sizes[0]).longValue(), ((Number) sizes[1]).longValue(), perDay);
  }

  /**
   * Binds the policy's values that {@code query} uses (the update of the kept reads fewer than the
   * select).
   */
  private static Query bind(Query query, RetentionPolicy policy, Instant now) {
    Map<String, Object> values =
        Map.of(
            "now",
            epochSeconds(now),
            "trainingDays",
            policy.trainingDays(),
            "debugDays",
            policy.debugDays(),
            "keepLast",
            policy.keepLastPerBot(),
            "sampleEvery",
            policy.sampleEvery());
    for (Parameter<?> p : query.getParameters()) {
      if (values.containsKey(p.getName())) {
        query.setParameter(p.getName(), values.get(p.getName()));
      }
    }
    return query;
  }

  private static double epochSeconds(Instant t) {
    return t.getEpochSecond() + t.getNano() / 1e9;
  }
}

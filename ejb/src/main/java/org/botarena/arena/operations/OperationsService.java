package org.botarena.arena.operations;

import static org.botarena.arena.platform.SqlValues.instant;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/** What an operator watches: the instances of the cluster and the matches that FAILED. */
@Stateless
public class OperationsService {

  /** An instance: its heartbeat, the bots connected to it, the games it runs. */
  public record InstanceRow(
      String id, Instant startedAt, Instant heartbeatAt, long bots, long games) {}

  /** A match that failed every attempt. */
  public record FailedMatch(
      UUID id, String gameType, Instant createdAt, int attempts, String players) {}

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  public List<InstanceRow> instances() {
    List<InstanceRow> rows = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select i.id, i.started_at, i.heartbeat_at, (select count(*) from bot_sessions s"
                    + " where s.instance = i.id), (select count(*) from matches m where m.instance"
                    + " = i.id and m.state = 'RUNNING') from instances i order by i.id")
            .getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new InstanceRow(
              (String) r[0],
              instant(r[1]),
              instant(r[2]),
              ((Number) r[3]).longValue(),
              ((Number) r[4]).longValue()));
    }
    return rows;
  }

  public List<FailedMatch> failedMatches(int max) {
    List<FailedMatch> rows = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select m.id, m.game_type, m.created_at, m.attempt, (select string_agg(p.bot_name,"
                    + " ' vs ' order by p.spot) from match_players p where p.match_id = m.id) from"
                    + " matches m where m.state = 'FAILED' order by m.created_at desc limit ?1")
            .setParameter(1, max)
            .getResultList()) {
      Object[] r = (Object[]) o;
      rows.add(
          new FailedMatch(
              (UUID) r[0],
              (String) r[1],
              instant(r[2]),
              ((Number) r[3]).intValue(),
              (String) r[4]));
    }
    return rows;
  }
}

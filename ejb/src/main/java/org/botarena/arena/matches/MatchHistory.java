package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.sql.Timestamp;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.botarena.arena.platform.SqlValues;

/** Matches for the portal: a filtered, paged history, one match with its players, its replay. */
@Stateless
public class MatchHistory {

  private static final String COLUMNS =
      "m.id, a.name, m.game_type, m.state, m.attempt, m.created_at,"
          + " m.started_at, m.ended_at, m.end_state, m.end_reason, m.steps,"
          + " exists (select 1 from replays r where r.match_id = m.id)";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** Matches {@code first} to {@code first + max}, newest first. */
  public List<MatchSummary> matches(MatchFilter filter, int first, int max) {
    List<Object> params = new ArrayList<>();
    String where = where(filter, params);
    Query q =
        em.createNativeQuery(
            "select "
                + COLUMNS
                + " from matches m join arenas a on a.id = m.arena_id"
                + where
                + " order by m.created_at desc, m.id offset "
                + Math.max(0, first)
                + " limit "
                + Math.max(1, max));
    bind(q, params);
    List<Object[]> rows = rows(q);
    return withPlayers(rows);
  }

  public long count(MatchFilter filter) {
    List<Object> params = new ArrayList<>();
    Query q =
        em.createNativeQuery(
            "select count(*) from matches m join arenas a on a.id = m.arena_id"
                + where(filter, params));
    bind(q, params);
    return ((Number) q.getSingleResult()).longValue();
  }

  /** One match (never a debug arena's). */
  public Optional<MatchSummary> match(UUID id) {
    return match(id, null);
  }

  /**
   * One match as {@code username} may see it ({@link GameVisibility}: a debug arena's game only for
   * its team's members; null: nobody signed in).
   */
  public Optional<MatchSummary> match(UUID id, String username) {
    List<Object[]> rows =
        rows(
            em.createNativeQuery(
                    "select "
                        + COLUMNS
                        + " from matches m join arenas a on a.id = m.arena_id where m.id = ?1 and "
                        + GameVisibility.VISIBLE)
                .setParameter(1, id)
                .setParameter(2, GameVisibility.user(username)));
    return withPlayers(rows).stream().findFirst();
  }

  private static String where(MatchFilter f, List<Object> params) {
    StringBuilder w = new StringBuilder(" where a.kind <> 'DEBUG'");
    if (f.bot() != null && !f.bot().isBlank()) {
      params.add(
          "%"
              + f.bot()
                  .strip()
                  .toLowerCase()
                  .replace("\\", "\\\\")
                  .replace("%", "\\%")
                  .replace("_", "\\_")
              + "%");
      w.append(
              " and exists (select 1 from match_players p where p.match_id = m.id and"
                  + " lower(p.bot_name) like ?")
          .append(params.size())
          .append(")");
    }
    if (f.botId() != null) {
      params.add(f.botId());
      w.append(
              " and exists (select 1 from match_players p where p.match_id = m.id and p.bot_id = ?")
          .append(params.size())
          .append(")");
    }
    if (f.gameType() != null && !f.gameType().isBlank()) {
      params.add(f.gameType());
      w.append(" and m.game_type = ?").append(params.size());
    }
    if (f.endState() != null && !f.endState().isBlank()) {
      params.add(f.endState());
      w.append(" and m.end_state = ?").append(params.size());
    }
    if (f.state() != null && !f.state().isBlank()) {
      params.add(f.state());
      w.append(" and m.state = ?").append(params.size());
    }
    if (f.from() != null) {
      params.add(Timestamp.from(f.from().atStartOfDay().toInstant(ZoneOffset.UTC)));
      w.append(" and m.created_at >= ?").append(params.size());
    }
    if (f.to() != null) {
      params.add(Timestamp.from(f.to().plusDays(1).atStartOfDay().toInstant(ZoneOffset.UTC)));
      w.append(" and m.created_at < ?").append(params.size());
    }
    return w.toString();
  }

  private static void bind(Query q, List<Object> params) {
    for (int i = 0; i < params.size(); i++) {
      q.setParameter(i + 1, params.get(i));
    }
  }

  @SuppressWarnings("unchecked")
  private static List<Object[]> rows(Query q) {
    return (List<Object[]>) q.getResultList();
  }

  private List<MatchSummary> withPlayers(List<Object[]> rows) {
    if (rows.isEmpty()) {
      return List.of();
    }
    Map<UUID, List<MatchSummary.Player>> players = new LinkedHashMap<>();
    List<UUID> ids = rows.stream().map(r -> (UUID) r[0]).toList();
    ids.forEach(id -> players.put(id, new ArrayList<>()));
    for (Object o :
        em.createNativeQuery(
                "select match_id, spot, bot_id, bot_name, result, score from match_players"
                    + " where match_id in (?1) order by match_id, spot")
            .setParameter(1, ids)
            .getResultList()) {
      Object[] r = (Object[]) o;
      players
          .get((UUID) r[0])
          .add(
              new MatchSummary.Player(
                  ((Number) r[1]).intValue(),
                  ((Number) r[2]).longValue(),
                  (String) r[3],
                  (String) r[4],
                  r[5] == null ? null : ((Number) r[5]).doubleValue()));
    }
    List<MatchSummary> out = new ArrayList<>();
    for (Object[] r : rows) {
      out.add(
          new MatchSummary(
              r[0].toString(),
              (String) r[1],
              (String) r[2],
              (String) r[3],
              ((Number) r[4]).intValue(),
              SqlValues.instant(r[5]),
              SqlValues.instant(r[6]),
              SqlValues.instant(r[7]),
              (String) r[8],
              (String) r[9],
              r[10] == null ? null : ((Number) r[10]).intValue(),
              players.get((UUID) r[0]),
              Boolean.TRUE.equals(r[11])));
    }
    return out;
  }
}

package org.botarena.arena.tournaments;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.matches.MatchBooking;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Moves tournaments through the round state machine of DESIGN.md, one step per call, each in its
 * own transaction, with all state in PostgreSQL: whichever instance leads matchmaking drives them,
 * and a new leader resumes exactly where the old one stopped.
 *
 * <pre>
 * WAITING_NEXT_ROUND -> RETRIEVING_PLAYERS -> DRAWING_GROUPS -> SCHEDULING_GAMES -> WAITING_FOR_GAMES
 *   -> SAVING_LEVEL_RESULTS -> (more than one group: next level, DRAWING_GROUPS)
 *                           -> SAVING_ROUND_RESULTS -> WAITING_NEXT_ROUND, or CLOSED after the last round
 * </pre>
 */
@Stateless
public class TournamentEngine {

  private static final Logger LOG = Logger.getLogger(TournamentEngine.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject MatchBooking booking;

  /** A bot that stays away this long while its game is due loses it by walkover. */
  @Inject
  @ConfigProperty(name = "arena.tournament.walkover-seconds")
  int walkoverSeconds;

  /** The tournament as the engine needs it. */
  record Tournament(
      long id,
      long arenaId,
      String gameType,
      String config,
      Format format,
      int groupSize,
      int rounds,
      long seed,
      String phase,
      int round,
      int level) {}

  /** Tournaments that are open and not closed. */
  public List<Long> active() {
    List<Long> ids = new ArrayList<>();
    for (Object id :
        em.createNativeQuery(
                "select id from tournaments where phase <> 'CLOSED' and opens_at <= now() order by"
                    + " id")
            .getResultList()) {
      ids.add(((Number) id).longValue());
    }
    return ids;
  }

  /**
   * Takes the tournament as far as it can go now (one transaction; the row is locked meanwhile).
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public String advance(long tournamentId) {
    for (int steps = 0; steps < 12; steps++) {
      Tournament t = load(tournamentId);
      String next = step(t);
      if (next.equals(t.phase())) {
        return next;
      }
      em.createNativeQuery("update tournaments set phase = ?1 where id = ?2")
          .setParameter(1, next)
          .setParameter(2, t.id())
          .executeUpdate();
      LOG.info(
          () ->
              "tournament "
                  + t.id()
                  + " round "
                  + t.round()
                  + " level "
                  + t.level()
                  + ": "
                  + t.phase()
                  + " -> "
                  + next);
    }
    return load(tournamentId).phase();
  }

  private String step(Tournament t) {
    return switch (t.phase()) {
      case "WAITING_NEXT_ROUND" -> nextRound(t);
      case "RETRIEVING_PLAYERS" -> retrievePlayers(t);
      case "DRAWING_GROUPS" -> drawGroups(t);
      case "SCHEDULING_GAMES" -> scheduleGames(t);
      case "WAITING_FOR_GAMES" -> waitForGames(t);
      case "SAVING_LEVEL_RESULTS" -> saveLevel(t);
      case "SAVING_ROUND_RESULTS" -> saveRound(t);
      default -> t.phase();
    };
  }

  private String nextRound(Tournament t) {
    em.createNativeQuery("update tournaments set round = round + 1, level = 1 where id = ?1")
        .setParameter(1, t.id())
        .executeUpdate();
    return "RETRIEVING_PLAYERS";
  }

  /** The entered bots connected now take part in the round (at least two are needed). */
  private String retrievePlayers(Tournament t) {
    List<Long> connected =
        longs(
            em.createNativeQuery(
                    "select e.bot_id from tournament_entrants e join bot_sessions s on s.bot_id ="
                        + " e.bot_id where e.tournament_id = ?1 order by e.bot_id")
                .setParameter(1, t.id())
                .getResultList());
    if (connected.size() < 2) {
      return t.phase(); // wait for players
    }
    for (long bot : connected) {
      em.createNativeQuery(
              "insert into tournament_players (tournament_id, round, level, bot_id) values (?1, ?2,"
                  + " 1, ?3) on conflict do nothing")
          .setParameter(1, t.id())
          .setParameter(2, t.round())
          .setParameter(3, bot)
          .executeUpdate();
    }
    return "DRAWING_GROUPS";
  }

  private String drawGroups(Tournament t) {
    List<Long> players =
        longs(
            em.createNativeQuery(
                    "select bot_id from tournament_players where tournament_id = ?1 and round = ?2"
                        + " and level = ?3 order by bot_id")
                .setParameter(1, t.id())
                .setParameter(2, t.round())
                .setParameter(3, t.level())
                .getResultList());
    List<List<Long>> groups = GroupDraw.groups(players, t.format(), t.groupSize(), drawSeed(t));
    for (int g = 0; g < groups.size(); g++) {
      for (long bot : groups.get(g)) {
        em.createNativeQuery(
                "update tournament_players set group_no = ?1"
                    + " where tournament_id = ?2 and round = ?3 and level = ?4 and bot_id = ?5")
            .setParameter(1, g + 1)
            .setParameter(2, t.id())
            .setParameter(3, t.round())
            .setParameter(4, t.level())
            .setParameter(5, bot)
            .executeUpdate();
      }
      for (long[] pair : GroupDraw.pairs(groups.get(g))) {
        em.createNativeQuery(
                "insert into tournament_games (tournament_id, round, level, group_no, bot_a, bot_b)"
                    + " values (?1, ?2, ?3, ?4, ?5, ?6) on conflict do nothing")
            .setParameter(1, t.id())
            .setParameter(2, t.round())
            .setParameter(3, t.level())
            .setParameter(4, g + 1)
            .setParameter(5, pair[0])
            .setParameter(6, pair[1])
            .executeUpdate();
      }
    }
    return "SCHEDULING_GAMES";
  }

  /**
   * Books the due games whose two bots are free (connected and not playing), in waves, so that no
   * bot plays two games at once; a bot away longer than the grace loses by walkover.
   */
  private String scheduleGames(Tournament t) {
    em.createNativeQuery(
            "update tournament_entrants e set last_seen = now() from bot_sessions s"
                + " where s.bot_id = e.bot_id and e.tournament_id = ?1")
        .setParameter(1, t.id())
        .executeUpdate();
    Map<Long, String> sessions = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select s.bot_id, s.state from bot_sessions s join tournament_players p on p.bot_id"
                    + " = s.bot_id where p.tournament_id = ?1 and p.round = ?2 and p.level = ?3 for"
                    + " update of s")
            .setParameter(1, t.id())
            .setParameter(2, t.round())
            .setParameter(3, t.level())
            .getResultList()) {
      Object[] r = (Object[]) o;
      sessions.put(((Number) r[0]).longValue(), (String) r[1]);
    }
    Set<Long> away =
        new HashSet<>(
            longs(
                em.createNativeQuery(
                        "select bot_id from tournament_entrants where tournament_id = ?1 and"
                            + " (last_seen is null or last_seen < now() - make_interval(secs =>"
                            + " ?2))")
                    .setParameter(1, t.id())
                    .setParameter(2, walkoverSeconds)
                    .getResultList()));
    Set<Long> busy = new HashSet<>();
    int open = 0;
    for (Object o :
        em.createNativeQuery(
                "select bot_a, bot_b from tournament_games where tournament_id = ?1 and round = ?2"
                    + " and level = ?3 and match_id is null and not walkover order by group_no,"
                    + " bot_a, bot_b")
            .setParameter(1, t.id())
            .setParameter(2, t.round())
            .setParameter(3, t.level())
            .getResultList()) {
      Object[] r = (Object[]) o;
      long a = ((Number) r[0]).longValue();
      long b = ((Number) r[1]).longValue();
      if (away.contains(a) || away.contains(b)) {
        // the one that was there wins; if neither was, nobody does (-1 is no bot: stored as null)
        long winner = away.contains(a) && away.contains(b) ? -1 : away.contains(a) ? b : a;
        em.createNativeQuery(
                "update tournament_games set walkover = true, walkover_winner = nullif(?1, -1)"
                    + " where tournament_id = ?2 and round = ?3 and level = ?4 and bot_a = ?5 and"
                    + " bot_b = ?6")
            .setParameter(1, winner)
            .setParameter(2, t.id())
            .setParameter(3, t.round())
            .setParameter(4, t.level())
            .setParameter(5, a)
            .setParameter(6, b)
            .executeUpdate();
        continue;
      }
      open++;
      if (!free(sessions.get(a))
          || !free(sessions.get(b))
          || busy.contains(a)
          || busy.contains(b)) {
        continue;
      }
      UUID match = booking.book(t.arenaId(), t.gameType(), t.config(), 1.0, a, b);
      busy.add(a);
      busy.add(b);
      open--;
      em.createNativeQuery(
              "update tournament_games set match_id = ?1 where tournament_id = ?2 and round = ?3"
                  + " and level = ?4 and bot_a = ?5 and bot_b = ?6")
          .setParameter(1, match)
          .setParameter(2, t.id())
          .setParameter(3, t.round())
          .setParameter(4, t.level())
          .setParameter(5, a)
          .setParameter(6, b)
          .executeUpdate();
    }
    return open == 0 ? "WAITING_FOR_GAMES" : t.phase();
  }

  private static boolean free(String sessionState) {
    return "QUEUED".equals(sessionState) || "IDLE".equals(sessionState);
  }

  private String waitForGames(Tournament t) {
    long running =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from tournament_games g join matches m on m.id ="
                            + " g.match_id where g.tournament_id = ?1 and g.round = ?2 and g.level"
                            + " = ?3 and m.state in ('QUEUED', 'RUNNING')")
                    .setParameter(1, t.id())
                    .setParameter(2, t.round())
                    .setParameter(3, t.level())
                    .getSingleResult())
            .longValue();
    return running == 0 ? "SAVING_LEVEL_RESULTS" : t.phase();
  }

  /** Each group's table; its winner advances. One group left: the round has its winner. */
  private String saveLevel(Tournament t) {
    Map<Integer, List<Long>> groups = new HashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select group_no, bot_id from tournament_players where tournament_id = ?1 and round"
                    + " = ?2 and level = ?3")
            .setParameter(1, t.id())
            .setParameter(2, t.round())
            .setParameter(3, t.level())
            .getResultList()) {
      Object[] r = (Object[]) o;
      groups
          .computeIfAbsent(((Number) r[0]).intValue(), g -> new ArrayList<>())
          .add(((Number) r[1]).longValue());
    }
    List<Long> winners = new ArrayList<>();
    for (Map.Entry<Integer, List<Long>> group : groups.entrySet()) {
      List<Standings.Line> table =
          Standings.of(group.getValue(), results(t, group.getKey()), drawSeed(t) + group.getKey());
      for (int place = 0; place < table.size(); place++) {
        Standings.Line line = table.get(place);
        em.createNativeQuery(
                "update tournament_players set points = ?1, wins = ?2, draws = ?3, losses = ?4,"
                    + " place = ?5, advanced = ?6 where tournament_id = ?7 and round = ?8 and level"
                    + " = ?9 and bot_id = ?10")
            .setParameter(1, line.points())
            .setParameter(2, line.wins())
            .setParameter(3, line.draws())
            .setParameter(4, line.losses())
            .setParameter(5, place + 1)
            .setParameter(6, place == 0)
            .setParameter(7, t.id())
            .setParameter(8, t.round())
            .setParameter(9, t.level())
            .setParameter(10, line.bot())
            .executeUpdate();
      }
      winners.add(table.get(0).bot());
    }
    if (winners.size() == 1) {
      em.createNativeQuery(
              "insert into tournament_rounds (tournament_id, round, winner_bot) values (?1, ?2, ?3)"
                  + " on conflict do nothing")
          .setParameter(1, t.id())
          .setParameter(2, t.round())
          .setParameter(3, winners.get(0))
          .executeUpdate();
      return "SAVING_ROUND_RESULTS";
    }
    em.createNativeQuery("update tournaments set level = level + 1 where id = ?1")
        .setParameter(1, t.id())
        .executeUpdate();
    for (long bot : winners) {
      em.createNativeQuery(
              "insert into tournament_players (tournament_id, round, level, bot_id) values (?1, ?2,"
                  + " ?3, ?4)")
          .setParameter(1, t.id())
          .setParameter(2, t.round())
          .setParameter(3, t.level() + 1)
          .setParameter(4, bot)
          .executeUpdate();
    }
    return "DRAWING_GROUPS";
  }

  /** A group's games as results: dropped, aborted or failed matches count as draws. */
  private List<Standings.Result> results(Tournament t, int group) {
    List<Standings.Result> results = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select g.bot_a, g.bot_b, g.walkover, g.walkover_winner, (select p.bot_id from"
                    + " match_players p join matches m on m.id = p.match_id   where p.match_id ="
                    + " g.match_id and p.result = 'win' and m.state = 'FINISHED'   and m.end_state"
                    + " not in ('ABORTED', 'DROPPED') limit 1) from tournament_games g where"
                    + " g.tournament_id = ?1 and g.round = ?2 and g.level = ?3 and g.group_no = ?4")
            .setParameter(1, t.id())
            .setParameter(2, t.round())
            .setParameter(3, t.level())
            .setParameter(4, group)
            .getResultList()) {
      Object[] r = (Object[]) o;
      Number winner = Boolean.TRUE.equals(r[2]) ? (Number) r[3] : (Number) r[4];
      results.add(
          new Standings.Result(
              ((Number) r[0]).longValue(),
              ((Number) r[1]).longValue(),
              winner == null ? null : winner.longValue()));
    }
    return results;
  }

  /**
   * After the last round the team whose bots won the most tournament games takes the tournament.
   */
  private String saveRound(Tournament t) {
    if (t.round() < t.rounds()) {
      return "WAITING_NEXT_ROUND";
    }
    List<?> best =
        em.createNativeQuery(
                "select tm.name from tournament_players p join bots b on b.id = p.bot_id join teams"
                    + " tm on tm.id = b.team_id where p.tournament_id = ?1 group by tm.name order"
                    + " by sum(coalesce(p.wins, 0)) desc, sum(coalesce(p.points, 0)) desc,"
                    + " md5(tm.name || ?2) limit 1")
            .setParameter(1, t.id())
            .setParameter(2, Long.toString(t.seed()))
            .getResultList();
    em.createNativeQuery("update tournaments set winner_team = ?1, closed_at = now() where id = ?2")
        .setParameter(1, best.isEmpty() ? null : best.get(0))
        .setParameter(2, t.id())
        .executeUpdate();
    return "CLOSED";
  }

  private static long drawSeed(Tournament t) {
    return t.seed() * 31 + t.round() * 1000L + t.level();
  }

  private Tournament load(long id) {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select t.id, t.arena_id, t.game_type, cast(t.config as text), t.format,"
                        + " t.group_size, t.rounds, t.seed, t.phase, t.round, t.level from"
                        + " tournaments t where t.id = ?1 for update")
                .setParameter(1, id)
                .getSingleResult();
    return new Tournament(
        ((Number) r[0]).longValue(),
        ((Number) r[1]).longValue(),
        (String) r[2],
        (String) r[3],
        Format.valueOf((String) r[4]),
        ((Number) r[5]).intValue(),
        ((Number) r[6]).intValue(),
        ((Number) r[7]).longValue(),
        (String) r[8],
        ((Number) r[9]).intValue(),
        ((Number) r[10]).intValue());
  }

  private static List<Long> longs(List<?> rows) {
    List<Long> values = new ArrayList<>();
    for (Object o : rows) {
      values.add(((Number) o).longValue());
    }
    return values;
  }
}

package org.botarena.arena.tournaments;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.arena.platform.SqlValues;

/** What the tournament pages show: the state, each level's groups, tables and games. */
@Stateless
public class TournamentService {

  /** A tournament's head. */
  public record Summary(
      long id,
      String name,
      String gameType,
      String format,
      int groupSize,
      String phase,
      int round,
      int rounds,
      int level,
      int entrants,
      String winnerTeam,
      List<String> roundWinners,
      Instant opensAt) {

    /** Whether its opening time has come (its first round starts once two entrants are online). */
    public boolean opened() {
      return !opensAt.isAfter(Instant.now());
    }
  }

  /** A bot's line in a group. */
  public record Line(
      String bot,
      String team,
      Double points,
      Integer wins,
      Integer draws,
      Integer losses,
      Integer place,
      boolean advanced) {}

  /** A game of a group: its match (null for a walkover) and how it ended. */
  public record Game(String first, String second, String matchId, String outcome) {}

  /** A group of a level. */
  public record Group(int number, List<Line> table, List<Game> games) {}

  /** A level of a round: its groups and how many of its games are over. */
  public record Level(int round, int number, List<Group> groups, int gamesDone, int games) {

    public int percentDone() {
      return games == 0 ? 0 : 100 * gamesDone / games;
    }
  }

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  public List<Summary> all() {
    List<Summary> all = new ArrayList<>();
    for (Object name :
        em.createNativeQuery("select name from tournaments order by created_at desc")
            .getResultList()) {
      find((String) name).ifPresent(all::add);
    }
    return all;
  }

  public Optional<Summary> find(String name) {
    List<?> rows =
        em.createNativeQuery(
                "select t.id, t.name, t.game_type, t.format, t.group_size, t.phase, t.round,"
                    + " t.rounds, t.level, (select count(*) from tournament_entrants e where"
                    + " e.tournament_id = t.id), t.winner_team, t.opens_at from tournaments t where"
                    + " lower(t.name) = lower(?1)")
            .setParameter(1, name)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    long id = ((Number) r[0]).longValue();
    List<String> roundWinners = new ArrayList<>();
    for (Object w :
        em.createNativeQuery(
                "select b.name from tournament_rounds r join bots b on b.id = r.winner_bot"
                    + " where r.tournament_id = ?1 order by r.round")
            .setParameter(1, id)
            .getResultList()) {
      roundWinners.add((String) w);
    }
    return Optional.of(
        new Summary(
            id,
            (String) r[1],
            (String) r[2],
            (String) r[3],
            num(r[4]),
            (String) r[5],
            num(r[6]),
            num(r[7]),
            num(r[8]),
            num(r[9]),
            (String) r[10],
            roundWinners,
            SqlValues.instant(r[11])));
  }

  /** Every level played or drawn so far, latest round first. */
  public List<Level> levels(long tournamentId) {
    Map<String, Level> levels = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select distinct round, level from tournament_players where tournament_id = ?1"
                    + " and group_no is not null order by round desc, level")
            .setParameter(1, tournamentId)
            .getResultList()) {
      Object[] r = (Object[]) o;
      int round = num(r[0]);
      int level = num(r[1]);
      levels.put(round + "/" + level, level(tournamentId, round, level));
    }
    return new ArrayList<>(levels.values());
  }

  private Level level(long tournamentId, int round, int level) {
    Map<Integer, List<Line>> tables = new LinkedHashMap<>();
    for (Object o :
        em.createNativeQuery(
                "select p.group_no, b.name, t.name, p.points, p.wins, p.draws, p.losses, p.place,"
                    + " p.advanced from tournament_players p join bots b on b.id = p.bot_id join"
                    + " teams t on t.id = b.team_id where p.tournament_id = ?1 and p.round = ?2 and"
                    + " p.level = ?3 and p.group_no is not null order by p.group_no, p.place nulls"
                    + " last, b.name")
            .setParameter(1, tournamentId)
            .setParameter(2, round)
            .setParameter(3, level)
            .getResultList()) {
      Object[] r = (Object[]) o;
      tables
          .computeIfAbsent(num(r[0]), g -> new ArrayList<>())
          .add(
              new Line(
                  (String) r[1],
                  (String) r[2],
                  r[3] == null ? null : ((Number) r[3]).doubleValue(),
                  integer(r[4]),
                  integer(r[5]),
                  integer(r[6]),
                  integer(r[7]),
                  Boolean.TRUE.equals(r[8])));
    }
    Map<Integer, List<Game>> games = new LinkedHashMap<>();
    int done = 0;
    int total = 0;
    for (Object o :
        em.createNativeQuery(
                "select g.group_no, a.name, b.name, cast(g.match_id as text), g.walkover, w.name,"
                    + " m.state, m.end_state, (select wb.bot_name from match_players wb where"
                    + " wb.match_id = g.match_id and wb.result = 'win' limit 1) from"
                    + " tournament_games g join bots a on a.id = g.bot_a join bots b on b.id ="
                    + " g.bot_b left join bots w on w.id = g.walkover_winner left join matches m on"
                    + " m.id = g.match_id where g.tournament_id = ?1 and g.round = ?2 and g.level ="
                    + " ?3 order by g.group_no, a.name, b.name")
            .setParameter(1, tournamentId)
            .setParameter(2, round)
            .setParameter(3, level)
            .getResultList()) {
      Object[] r = (Object[]) o;
      boolean walkover = Boolean.TRUE.equals(r[4]);
      String state = (String) r[6];
      boolean over = walkover || "FINISHED".equals(state) || "FAILED".equals(state);
      String outcome =
          walkover
              ? "walkover: " + (r[5] == null ? "nobody came" : r[5] + " wins")
              : state == null
                  ? "to be played"
                  : !over
                      ? state.toLowerCase()
                      : r[8] != null ? r[8] + " wins" : String.valueOf(r[7]).toLowerCase();
      games
          .computeIfAbsent(num(r[0]), g -> new ArrayList<>())
          .add(new Game((String) r[1], (String) r[2], (String) r[3], outcome));
      total++;
      done += over ? 1 : 0;
    }
    List<Group> groups = new ArrayList<>();
    tables.forEach(
        (number, table) ->
            groups.add(new Group(number, table, games.getOrDefault(number, List.of()))));
    return new Level(round, level, groups, done, total);
  }

  private static int num(Object o) {
    return ((Number) o).intValue();
  }

  private static Integer integer(Object o) {
    return o == null ? null : ((Number) o).intValue();
  }
}

package org.botarena.arena.evaluations;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.botarena.arena.evaluations.EvaluationMaths.Interval;
import org.botarena.arena.evaluations.EvaluationMaths.Tally;
import org.botarena.arena.platform.SqlValues;

/**
 * An evaluation's results as the bot page shows them: per opponent the games booked and their wins,
 * draws and losses with the win rate's 95% interval, and, when the bot's previous name had a
 * finished evaluation on the same suite, the probability that this name is the stronger.
 */
@Stateless
public class EvaluationResults {

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** One opponent's line. {@code noResult}: games that ended without one (aborted, dropped). */
  public record Line(
      long opponentId, String opponent, int booked, int wins, int draws, int losses, int noResult) {
    public int getPlayed() {
      return wins + draws + losses;
    }

    public Double getWinRate() {
      return getPlayed() == 0 ? null : (double) wins / getPlayed();
    }

    public Interval getInterval() {
      return EvaluationMaths.wilson(wins, getPlayed());
    }

    Tally tally() {
      return new Tally(wins, draws, losses);
    }
  }

  /** The comparison with the previous name's evaluation. */
  public record Comparison(String previousName, long previousEvaluation, double probability) {}

  /** An evaluation with its lines, in the suite's order. */
  public record Run(
      long id,
      String botName,
      String gameType,
      int gamesPerOpponent,
      String state,
      Instant created,
      Instant ended,
      List<Line> lines,
      Comparison comparison) {
    public boolean isRunning() {
      return "RUNNING".equals(state);
    }
  }

  /** The bot's latest evaluation, if it had one. */
  public Optional<Run> latest(long botId) {
    List<?> rows =
        em.createNativeQuery(
                "select id from evaluations where bot_id = ?1 order by created_at desc, id desc"
                    + " limit 1")
            .setParameter(1, botId)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of(run(((Number) rows.get(0)).longValue()));
  }

  /** Evaluation {@code id} with its lines and comparison. */
  public Run run(long id) {
    Object[] e =
        (Object[])
            em.createNativeQuery(
                    "select bot_id, bot_name, game_type, games_per_opponent, state, created_at,"
                        + " ended_at from evaluations where id = ?1")
                .setParameter(1, id)
                .getSingleResult();
    long botId = ((Number) e[0]).longValue();
    String name = (String) e[1];
    String game = (String) e[2];
    List<Line> lines = lines(id);
    return new Run(
        id,
        name,
        game,
        ((Number) e[3]).intValue(),
        (String) e[4],
        SqlValues.instant(e[5]),
        SqlValues.instant(e[6]),
        lines,
        compare(botId, name, game, lines).orElse(null));
  }

  private List<Line> lines(long evaluationId) {
    return SqlValues.table(
            em.createNativeQuery(
                    "select o.bot_id, b.name, count(g.match_id),"
                        + " count(*) filter (where "
                        + COUNTED
                        + " and p.result = 'win'),"
                        + " count(*) filter (where "
                        + COUNTED
                        + " and p.result = 'draw'),"
                        + " count(*) filter (where "
                        + COUNTED
                        + " and p.result = 'loss'),"
                        + " count(*) filter (where m.state = 'FAILED' or (m.state = 'FINISHED' and"
                        + " not ("
                        + COUNTED
                        + ")))"
                        + " from evaluation_opponents o join bots b on b.id = o.bot_id"
                        + " join evaluations e on e.id = o.evaluation_id"
                        + " left join evaluation_games g on g.evaluation_id = o.evaluation_id and"
                        + " g.opponent_id = o.bot_id"
                        + " left join matches m on m.id = g.match_id"
                        + " left join match_players p on p.match_id = m.id and p.bot_id = e.bot_id"
                        + " where o.evaluation_id = ?1 group by o.position, o.bot_id, b.name"
                        + " order by o.position")
                .setParameter(1, evaluationId))
        .map(
            r ->
                new Line(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    SqlValues.count(r[2]),
                    SqlValues.count(r[3]),
                    SqlValues.count(r[4]),
                    SqlValues.count(r[5]),
                    SqlValues.count(r[6])))
        .toList();
  }

  /** SQL: match {@code m} ended with a result (a game played to its end, timeouts included). */
  private static final String COUNTED =
      "m.state = 'FINISHED' and m.end_state not in ('ABORTED', 'DROPPED')";

  /**
   * The comparison with the latest finished evaluation of the name the bot had before {@code name},
   * in the same game on the same opponents; empty when there is none.
   */
  private Optional<Comparison> compare(long botId, String name, String game, List<Line> lines) {
    List<?> previousName =
        em.createNativeQuery(
                "select name from bot_names where bot_id = ?1 and id < (select max(id) from"
                    + " bot_names where bot_id = ?1 and name = ?2) order by id desc limit 1")
            .setParameter(1, botId)
            .setParameter(2, name)
            .getResultList();
    if (previousName.isEmpty()) {
      return Optional.empty();
    }
    String previous = (String) previousName.get(0);
    for (Object o :
        em.createNativeQuery(
                "select id from evaluations where bot_id = ?1 and bot_name = ?2 and game_type = ?3"
                    + " and state = 'FINISHED' order by created_at desc, id desc limit 20")
            .setParameter(1, botId)
            .setParameter(2, previous)
            .setParameter(3, game)
            .getResultList()) {
      long earlier = ((Number) o).longValue();
      List<Line> before = lines(earlier);
      Optional<List<Tally>> matched = sameSuite(lines, before);
      if (matched.isPresent()) {
        List<Tally> now = lines.stream().map(Line::tally).toList();
        return Optional.of(
            new Comparison(
                previous, earlier, EvaluationMaths.probabilityBetter(now, matched.get())));
      }
    }
    return Optional.empty();
  }

  /** {@code before}'s tallies in {@code now}'s order, if both have the same opponents. */
  private static Optional<List<Tally>> sameSuite(List<Line> now, List<Line> before) {
    if (now.size() != before.size()) {
      return Optional.empty();
    }
    List<Tally> ordered = new ArrayList<>();
    for (Line line : now) {
      Optional<Line> same =
          before.stream().filter(b -> b.opponentId() == line.opponentId()).findFirst();
      if (same.isEmpty()) {
        return Optional.empty();
      }
      ordered.add(same.get().tally());
    }
    return Optional.of(ordered);
  }
}

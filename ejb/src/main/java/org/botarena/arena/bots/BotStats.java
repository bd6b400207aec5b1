package org.botarena.arena.bots;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.botarena.arena.platform.SqlValues;
import org.botarena.arena.ratings.Rating;
import org.botarena.arena.ratings.RatingCalculator;
import org.botarena.arena.ratings.Separation;

/** A bot's page: who it is, its ratings, rating history, results per name and head-to-head. */
@Stateless
public class BotStats {

  /** Only finished, non-debug matches count in the tables below. */
  private static final String COUNTED_JOIN =
      " join matches m on m.id = p.match_id join arenas a on a.id = m.arena_id";

  private static final String COUNTED_WHERE = " where m.state = 'FINISHED' and a.kind <> 'DEBUG'";
  private static final String COUNTED = COUNTED_JOIN + COUNTED_WHERE;

  private static final RatingCalculator CALCULATOR = new RatingCalculator();

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  public Optional<Profile> profile(long botId) {
    List<?> rows =
        em.createNativeQuery(
                "select b.id, b.name, t.id, t.name, b.created_at, b.deleted_at, b.house,"
                    + " exists (select 1 from bot_sessions s where s.bot_id = b.id)"
                    + " from bots b join teams t on t.id = b.team_id where b.id = ?1")
            .setParameter(1, botId)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    List<RatingLine> ratings =
        SqlValues.table(
                em.createNativeQuery(
                        "select game_type, mu, sigma, games, wins, losses, draws, disconnects,"
                            + " points from ratings where bot_id = ?1 order by game_type")
                    .setParameter(1, botId))
            .map(
                x ->
                    new RatingLine(
                        (String) x[0],
                        d(x[1]),
                        d(x[2]),
                        i(x[3]),
                        i(x[4]),
                        i(x[5]),
                        i(x[6]),
                        i(x[7]),
                        d(x[8])))
            .toList();
    return Optional.of(
        new Profile(
            ((Number) r[0]).longValue(),
            (String) r[1],
            ((Number) r[2]).longValue(),
            (String) r[3],
            SqlValues.instant(r[4]),
            SqlValues.instant(r[5]),
            (String) r[6],
            Boolean.TRUE.equals(r[7]),
            ratings));
  }

  /**
   * mu and sigma after each rated match in {@code gameType}, newest first: points {@code first} to
   * {@code first + max} (a bot of a busy arena has thousands).
   */
  public List<HistoryPoint> ratingHistory(long botId, String gameType, int first, int max) {
    return SqlValues.table(
            em.createNativeQuery(
                    "select rated_at, mu, sigma, cast(match_id as text) from rating_history where"
                        + " bot_id = ?1 and game_type = ?2 order by rated_at desc, id desc offset"
                        + " ?3 limit ?4")
                .setParameter(1, botId)
                .setParameter(2, gameType)
                .setParameter(3, Math.max(0, first))
                .setParameter(4, Math.max(1, max)))
        .map(x -> new HistoryPoint(SqlValues.instant(x[0]), d(x[1]), d(x[2]), (String) x[3]))
        .toList();
  }

  /** Results under each name the bot has had (the name stored with each match). */
  public List<NameResults> resultsPerName(long botId) {
    return SqlValues.table(
            em.createNativeQuery(
                    "select n.name, n.valid_from, n.valid_to,"
                        + " (select count(*) from match_players p"
                        + COUNTED
                        + " and p.bot_id = n.bot_id and p.bot_name = n.name),"
                        + " (select count(*) from match_players p"
                        + COUNTED
                        + " and p.bot_id = n.bot_id and p.bot_name = n.name and p.result = 'win'),"
                        + " (select count(*) from match_players p"
                        + COUNTED
                        + " and p.bot_id = n.bot_id and p.bot_name = n.name and p.result = 'loss'),"
                        + " (select count(*) from match_players p"
                        + COUNTED
                        + " and p.bot_id = n.bot_id and p.bot_name = n.name and p.result = 'draw')"
                        + " from bot_names n where n.bot_id = ?1 order by n.valid_from")
                .setParameter(1, botId))
        .map(
            x ->
                new NameResults(
                    (String) x[0],
                    SqlValues.instant(x[1]),
                    SqlValues.instant(x[2]),
                    i(x[3]),
                    i(x[4]),
                    i(x[5]),
                    i(x[6])))
        .toList();
  }

  /**
   * The bot's record against every opponent it met, per game, most games first; with the chance
   * that it wins the next game against that opponent by both current ratings (OpenSkill), and how
   * many more games between the two would tell them apart ({@link Separation}).
   */
  public List<HeadToHead> headToHead(long botId) {
    return SqlValues.table(
            em.createNativeQuery(
                    "select o.bot_id, b.name, m.game_type, count(*), count(*) filter (where"
                        + " p.result = 'win'), count(*) filter (where p.result = 'loss'),"
                        + " count(*) filter (where p.result = 'draw'), min(mine.mu),"
                        + " min(mine.sigma), min(theirs.mu), min(theirs.sigma) from match_players"
                        + " p join match_players o on o.match_id = p.match_id and o.bot_id <>"
                        + " p.bot_id join bots b on b.id = o.bot_id"
                        + COUNTED_JOIN
                        + " left join ratings mine on mine.bot_id = p.bot_id and mine.game_type ="
                        + " m.game_type left join ratings theirs on theirs.bot_id = o.bot_id and"
                        + " theirs.game_type = m.game_type"
                        + COUNTED_WHERE
                        + " and p.bot_id = ?1"
                        + " group by o.bot_id, b.name, m.game_type order by count(*) desc, b.name,"
                        + " m.game_type")
                .setParameter(1, botId))
        .map(
            x -> {
              Double win =
                  x[7] == null || x[9] == null
                      ? null
                      : CALCULATOR.winProbability(d(x[7]), d(x[8]), d(x[9]), d(x[10]));
              OptionalInt more =
                  win == null ? OptionalInt.empty() : Separation.moreGames(win, i(x[3]));
              return new HeadToHead(
                  ((Number) x[0]).longValue(),
                  (String) x[1],
                  (String) x[2],
                  i(x[3]),
                  i(x[4]),
                  i(x[5]),
                  i(x[6]),
                  win,
                  more.isPresent() ? more.getAsInt() : null);
            })
        .toList();
  }

  private static double d(Object o) {
    return ((Number) o).doubleValue();
  }

  private static int i(Object o) {
    return o == null ? 0 : ((Number) o).intValue();
  }

  public record Profile(
      long id,
      String name,
      long teamId,
      String team,
      Instant created,
      Instant deleted,
      String house,
      boolean online,
      List<RatingLine> ratings) {}

  public record RatingLine(
      String gameType,
      double mu,
      double sigma,
      int games,
      int wins,
      int losses,
      int draws,
      int disconnects,
      double points) {
    public double getScore() {
      return Rating.score(mu, sigma);
    }
  }

  /** A bot's rating after a rated match ({@code matchId}). */
  public record HistoryPoint(Instant at, double mu, double sigma, String matchId) {}

  public record NameResults(
      String name, Instant from, Instant to, int games, int wins, int losses, int draws) {}

  /**
   * A bot's record against one opponent in one game. {@code winProbability} is null when either has
   * no current rating; {@code moreGames} is null when that is null or the two are practically even
   * (no practical number of games tells them apart).
   */
  public record HeadToHead(
      long opponentId,
      String opponent,
      String gameType,
      int games,
      int wins,
      int losses,
      int draws,
      Double winProbability,
      Integer moreGames) {}
}

package org.botarena.arena.ratings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.persistence.Query;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The leaderboard of a game type, ranked by mu - 3 sigma (the conservative skill estimate): the
 * current season's from the ratings, an ended season's from its final table (season_ratings).
 */
@Stateless
public class LeaderboardService {

  /** The current season: {@code ratings}. */
  public static final long CURRENT = 0;

  /**
   * The board's rows with the sigma in force: now (grown while a bot was idle, {@link SigmaGrowth})
   * for the current season, as it ended for an ended one. Parameters: the game, the initial sigma,
   * the growth per day squared, the season ({@link #CURRENT} or an ended season's id).
   */
  private static final String BOARD =
      "select b.id, coalesce(r.bot_name, b.name) as bot, t.name as team, r.mu, r.sigma_now,"
          + " r.games, r.wins, r.losses, r.draws, r.disconnects, r.points, row_number() over (order"
          + " by r.mu - 3 * r.sigma_now desc, coalesce(r.bot_name, b.name)) as rank from (select"
          + " bot_id, null as bot_name, mu, games, wins, losses, draws, disconnects, points,    "
          + " greatest(sigma, least(:initialSigma, sqrt(sigma * sigma       + :growth *"
          + " extract(epoch from now() - coalesce(rated_at, now())) / 86400))) as sigma_now    "
          + " from ratings where game_type = :game and :season = 0   union all select bot_id,"
          + " bot_name, mu, games, wins, losses, draws, disconnects, points, sigma     from"
          + " season_ratings where season_id = :season) r join bots b on b.id = r.bot_id join teams"
          + " t on t.id = b.team_id"
          // an ended season's table keeps the bots deleted since
          + " where b.deleted_at is null or :season <> 0";

  /** The search: a bot's or team's name contains it (lower case); blank: no filter. */
  private static final String SEARCHED =
      " where :search = '' or strpos(lower(bot), :search) > 0 or strpos(lower(team), :search) > 0";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.ratings.sigma-growth-per-day")
  double sigmaGrowthPerDay;

  /**
   * Rows {@code first} to {@code first + max} of the bots whose name or team contains {@code
   * search} (case-insensitive; blank: every bot), each with its rank on the whole leaderboard.
   */
  public List<LeaderboardRow> search(
      String gameType, long season, String search, int first, int max) {
    List<?> rows =
        bind(
                em.createNativeQuery(
                    "select * from ("
                        + BOARD
                        + ") ranked"
                        + SEARCHED
                        + " order by rank offset :first limit :max"),
                gameType,
                season,
                search)
            .setParameter("first", first)
            .setParameter("max", max)
            .getResultList();
    List<LeaderboardRow> board = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      double mu = ((Number) r[3]).doubleValue();
      double sigma = ((Number) r[4]).doubleValue();
      board.add(
          new LeaderboardRow(
              num(r[11]),
              ((Number) r[0]).longValue(),
              (String) r[1],
              (String) r[2],
              mu,
              sigma,
              mu - 3 * sigma,
              num(r[5]),
              num(r[6]),
              num(r[7]),
              num(r[8]),
              num(r[9]),
              ((Number) r[10]).doubleValue()));
    }
    return board;
  }

  /**
   * Where bots stand on the current leaderboard of a game: a rated bot's rank (as {@link #search}
   * gives it), and for a bot without a rating the place its initial rating would take (after every
   * bot whose mu - 3 sigma is above 0). What {@code gaussian-leaderboard} pairing reads.
   */
  public Places places(String gameType) {
    List<?> rows =
        board(
                em.createNativeQuery(
                    "select id, rank, mu - 3 * sigma_now from (" + BOARD + ") ranked"),
                gameType,
                CURRENT)
            .getResultList();
    Map<Long, Integer> byBot = new HashMap<>();
    int above = 0;
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      byBot.put(((Number) r[0]).longValue(), num(r[1]));
      if (((Number) r[2]).doubleValue() > Rating.INITIAL_MU - 3 * Rating.INITIAL_SIGMA) {
        above++;
      }
    }
    return new Places(byBot, above + 1);
  }

  /** Places on a leaderboard (1 is the top). */
  public record Places(Map<Long, Integer> byBot, int unrated) {
    public int of(long botId) {
      return byBot.getOrDefault(botId, unrated);
    }
  }

  /** How many bots {@link #search} finds. */
  public long count(String gameType, long season, String search) {
    return ((Number)
            bind(
                    em.createNativeQuery("select count(*) from (" + BOARD + ") ranked" + SEARCHED),
                    gameType,
                    season,
                    search)
                .getSingleResult())
        .longValue();
  }

  private Query bind(Query query, String gameType, long season, String search) {
    return board(query, gameType, season)
        .setParameter("search", search == null ? "" : search.strip().toLowerCase());
  }

  private Query board(Query query, String gameType, long season) {
    return query
        .setParameter("game", gameType)
        .setParameter("initialSigma", Rating.INITIAL_SIGMA)
        .setParameter("growth", sigmaGrowthPerDay * sigmaGrowthPerDay)
        .setParameter("season", season);
  }

  private static int num(Object o) {
    return ((Number) o).intValue();
  }
}

package org.botarena.arena.application;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import org.botarena.arena.domain.rating.Rating;
import org.botarena.arena.domain.rating.SigmaGrowth;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The leaderboard of a game type, ranked by mu - 3 sigma (the conservative skill estimate). */
@Stateless
public class LeaderboardService {

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.ratings.sigma-growth-per-day")
  double sigmaGrowthPerDay;

  /**
   * Rows {@code first} to {@code first + max}: sigma is the one in force now (grown while a bot
   * was idle, {@link SigmaGrowth}), and the ranking uses it.
   */
  public List<LeaderboardRow> leaderboard(String gameType, int first, int max) {
    List<?> rows = em.createNativeQuery(
            "select b.id, b.name, t.name, r.mu, r.sigma_now, r.games, r.wins, r.losses, r.draws,"
                + " r.disconnects, r.points from (select *, greatest(sigma, least(?4, sqrt(sigma * sigma"
                + "   + ?5 * extract(epoch from now() - coalesce(rated_at, now())) / 86400))) as sigma_now"
                + "   from ratings where game_type = ?1) r"
                + " join bots b on b.id = r.bot_id join teams t on t.id = b.team_id"
                + " where b.deleted_at is null"
                + " order by r.mu - 3 * r.sigma_now desc, b.name offset ?2 limit ?3")
        .setParameter(1, gameType)
        .setParameter(2, first)
        .setParameter(3, max)
        .setParameter(4, Rating.INITIAL_SIGMA)
        .setParameter(5, sigmaGrowthPerDay * sigmaGrowthPerDay)
        .getResultList();

    List<LeaderboardRow> board = new ArrayList<>();
    int rank = first;
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      double mu = ((Number) r[3]).doubleValue();
      double sigma = ((Number) r[4]).doubleValue();
      board.add(new LeaderboardRow(++rank, ((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          mu, sigma, mu - 3 * sigma, num(r[5]), num(r[6]), num(r[7]), num(r[8]), num(r[9]),
          ((Number) r[10]).doubleValue()));
    }
    return board;
  }

  /**
   * Rows of the bots whose name or team contains {@code search} (case-insensitive), with their rank
   * on the whole leaderboard; a blank search is no filter.
   */
  public List<LeaderboardRow> search(String gameType, String search, int first, int max) {
    List<?> rows = em.createNativeQuery(
            "select * from (select b.id, b.name as bot, t.name as team, r.mu, r.sigma_now, r.games, r.wins,"
                + " r.losses, r.draws, r.disconnects, r.points,"
                + " row_number() over (order by r.mu - 3 * r.sigma_now desc, b.name) as rank"
                + " from (select *, greatest(sigma, least(?4, sqrt(sigma * sigma"
                + "   + ?5 * extract(epoch from now() - coalesce(rated_at, now())) / 86400))) as sigma_now"
                + "   from ratings where game_type = ?1) r"
                + " join bots b on b.id = r.bot_id join teams t on t.id = b.team_id"
                + " where b.deleted_at is null) ranked"
                + " where ?6 = '' or strpos(lower(bot), ?6) > 0 or strpos(lower(team), ?6) > 0"
                + " order by rank offset ?2 limit ?3")
        .setParameter(1, gameType)
        .setParameter(2, first)
        .setParameter(3, max)
        .setParameter(4, Rating.INITIAL_SIGMA)
        .setParameter(5, sigmaGrowthPerDay * sigmaGrowthPerDay)
        .setParameter(6, search == null ? "" : search.strip().toLowerCase())
        .getResultList();
    List<LeaderboardRow> board = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      double mu = ((Number) r[3]).doubleValue();
      double sigma = ((Number) r[4]).doubleValue();
      board.add(new LeaderboardRow(num(r[11]), ((Number) r[0]).longValue(), (String) r[1], (String) r[2],
          mu, sigma, mu - 3 * sigma, num(r[5]), num(r[6]), num(r[7]), num(r[8]), num(r[9]),
          ((Number) r[10]).doubleValue()));
    }
    return board;
  }

  /** How many living bots {@link #search} finds. */
  public long count(String gameType, String search) {
    return ((Number) em.createNativeQuery("select count(*) from ratings r join bots b on b.id = r.bot_id"
            + " join teams t on t.id = b.team_id where r.game_type = ?1 and b.deleted_at is null"
            + " and (?2 = '' or strpos(lower(b.name), ?2) > 0 or strpos(lower(t.name), ?2) > 0)")
        .setParameter(1, gameType)
        .setParameter(2, search == null ? "" : search.strip().toLowerCase())
        .getSingleResult()).longValue();
  }

  public long count(String gameType) {
    return ((Number) em.createNativeQuery("select count(*) from ratings where game_type = ?1")
        .setParameter(1, gameType).getSingleResult()).longValue();
  }

  private static int num(Object o) {
    return ((Number) o).intValue();
  }
}

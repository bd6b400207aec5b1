package org.botarena.arena.ratings;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.matches.EndState;
import org.botarena.arena.matches.Match;
import org.botarena.arena.matches.MatchPlayer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** Applies a finished match to its players' ratings, exactly once. */
@Stateless
public class RatingService {

  private static final Logger LOG = Logger.getLogger(RatingService.class.getName());
  private static final RatingCalculator CALCULATOR = new RatingCalculator();

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** Whether games against house bots move ratings (they show as baselines on the leaderboard). */
  @Inject
  @ConfigProperty(name = "arena.ratings.house-games-rated")
  boolean houseGamesRated;

  @Inject
  @ConfigProperty(name = "arena.ratings.sigma-growth-per-day")
  double sigmaGrowthPerDay;

  /**
   * SQL condition on match {@code m}: finished, not rated, and one that rates (parameter {@code
   * ?2}: whether games against house bots do). Only the training arena rates: debug games are a
   * team's experiments, and tournaments keep their own tables; and only in the season it was booked
   * in.
   */
  private static final String RATABLE_UNRATED =
      "m.rated = false and m.state = 'FINISHED'"
          + " and m.end_state not in ('ABORTED', 'DROPPED')"
          + " and m.arena_id in (select id from arenas where kind = 'TRAINING')"
          // a match booked before its arena's season began belongs to the season that ended: not
          // rated
          + " and m.created_at >= coalesce((select s.started_at from seasons s where s.arena_id ="
          + " m.arena_id   and s.ended_at is null), cast('-infinity' as timestamptz)) and (?2 or"
          + " not exists (select 1 from match_players p join bots b on b.id = p.bot_id   where"
          + " p.match_id = m.id and b.house is not null))";

  /**
   * Matches that should have been rated {@code seconds} ago and were not, oldest first: their
   * result message was lost (the row committed without it when the database connection was cut in
   * the middle of the commit, or the broker's journal was lost). At most {@code limit}, from the
   * last day (a lookup every few seconds must not read every unrated game ever played).
   */
  public List<UUID> unrated(int seconds, int limit) {
    return ((List<?>)
            em.createNativeQuery(
                    "select m.id from matches m where "
                        + RATABLE_UNRATED
                        + " and m.ended_at < now() - make_interval(secs => ?1) and m.ended_at >"
                        + " now() - interval '1 day' order by m.ended_at limit ?3")
                .setParameter(1, seconds)
                .setParameter(2, houseGamesRated)
                .setParameter(3, limit)
                .getResultList())
        .stream().map(UUID.class::cast).toList();
  }

  /**
   * Rates a match if it has not been rated. The conditional update of {@code rated} is the
   * once-only guard: a redelivered or duplicated message, or a second instance, finds it set (or
   * waits on its row lock, then finds it set). Returns whether this call rated the match.
   */
  public boolean rate(UUID matchId) {
    int claimed =
        em.createNativeQuery(
                "update matches m set rated = true, rated_at = now() where id = ?1 and "
                    + RATABLE_UNRATED)
            .setParameter(1, matchId)
            .setParameter(2, houseGamesRated)
            .executeUpdate();
    if (claimed == 0) {
      return false;
    }
    Match match = em.find(Match.class, matchId);
    List<MatchPlayer> players =
        new ArrayList<>(
            em.createQuery(
                    "select p from MatchPlayer p where p.id.matchId = :id", MatchPlayer.class)
                .setParameter("id", matchId)
                .getResultList());
    // lock ratings in bot order so that two matches of the same bots cannot deadlock
    players.sort(Comparator.comparingLong(MatchPlayer::getBotId));
    List<Rating> ratings = new ArrayList<>();
    List<RatingCalculator.Standing> standings = new ArrayList<>();
    SigmaGrowth growth = new SigmaGrowth(sigmaGrowthPerDay);
    Instant now = Instant.now();
    for (MatchPlayer p : players) {
      Rating r = lockedRating(p.getBotId(), match.getGameType());
      ratings.add(r);
      // an idle bot comes back with the uncertainty it grew while away
      standings.add(
          new RatingCalculator.Standing(
              p.getBotId(),
              r.getMu(),
              growth.sigma(r.getSigma(), r.getRatedAt(), now),
              rank(p.getResult())));
    }
    Map<Long, RatingCalculator.Updated> updated = CALCULATOR.rate(standings);
    for (int i = 0; i < players.size(); i++) {
      MatchPlayer p = players.get(i);
      Rating r = ratings.get(i);
      RatingCalculator.Updated u = updated.get(p.getBotId());
      em.persist(
          new RatingHistory(
              p.getBotId(),
              match.getGameType(),
              matchId,
              r.getMu(),
              standings.get(i).sigma(),
              u.mu(),
              u.sigma()));
      boolean disconnected =
          match.getEndState() == EndState.DISCONNECTED && "loss".equals(p.getResult());
      r.apply(u.mu(), u.sigma(), p.getResult(), disconnected, match.getWeight());
    }
    LOG.fine(() -> "rated match " + matchId);
    return true;
  }

  private Rating lockedRating(long botId, String gameType) {
    em.createNativeQuery(
            "insert into ratings (bot_id, game_type, mu, sigma) values (?1, ?2, ?3, ?4) on conflict"
                + " do nothing")
        .setParameter(1, botId)
        .setParameter(2, gameType)
        .setParameter(3, Rating.INITIAL_MU)
        .setParameter(4, Rating.INITIAL_SIGMA)
        .executeUpdate();
    return em.find(Rating.class, new RatingKey(botId, gameType), LockModeType.PESSIMISTIC_WRITE);
  }

  /** Winners share rank 1; a draw gives everyone rank 1. */
  private static int rank(String result) {
    return "loss".equals(result) ? 2 : 1;
  }
}

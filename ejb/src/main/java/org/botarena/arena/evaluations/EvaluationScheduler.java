package org.botarena.arena.evaluations;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.matches.MatchBooking;
import org.botarena.arena.matchmaking.MatchmakingPass;

/**
 * The leader's part of the evaluations: each round, before the training arenas' passes, every
 * running evaluation whose bot is waiting for a game (connected, wanting the game, a slot free)
 * gets its next game booked through the training arena's booking path, against a house bot or a
 * suite's tournament winner that is waiting too; an evaluation has at most one game open, so a bot
 * that plays several games at once keeps playing in the training arena beside it. An evaluation
 * ends when all its games are booked and none is open.
 */
@Stateless
public class EvaluationScheduler {

  private static final Logger LOG = Logger.getLogger(EvaluationScheduler.class.getName());

  /** Evaluations looked at in one round (there is at most one per bot). */
  private static final int PER_ROUND = 500;

  /** SQL: the open games of evaluation {@code ?1}. */
  private static final String OPEN =
      "select count(*) from evaluation_games g join matches m on m.id = g.match_id"
          + " where g.evaluation_id = ?1 and m.state in ('QUEUED', 'RUNNING')";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject MatchBooking booking;

  @Inject MatchmakingPass pass;

  /** The running evaluations, oldest first. */
  public List<Long> running() {
    return ((List<?>)
            em.createNativeQuery(
                    "select id from evaluations where state = 'RUNNING' order by id limit ?1")
                .setParameter(1, PER_ROUND)
                .getResultList())
        .stream().map(o -> ((Number) o).longValue()).toList();
  }

  /** Books the evaluation's next game if its bot and opponent are free, or ends it. */
  public void advance(long evaluationId) {
    List<?> rows =
        em.createNativeQuery(
                "select bot_id, game_type, games_per_opponent, (select count(*) from"
                    + " evaluation_opponents o where o.evaluation_id = e.id), (select count(*) from"
                    + " evaluation_games g where g.evaluation_id = e.id) from evaluations e where"
                    + " id = ?1 and state = 'RUNNING' for update")
            .setParameter(1, evaluationId)
            .getResultList();
    if (rows.isEmpty()) {
      return; // cancelled meanwhile
    }
    Object[] r = (Object[]) rows.get(0);
    long botId = ((Number) r[0]).longValue();
    String gameType = (String) r[1];
    int opponents = ((Number) r[3]).intValue();
    int booked = ((Number) r[4]).intValue();
    if (open(evaluationId) > 0) {
      return;
    }
    if (booked >= ((Number) r[2]).intValue() * opponents) {
      em.createNativeQuery(
              "update evaluations set state = 'FINISHED', ended_at = now() where id = ?1")
          .setParameter(1, evaluationId)
          .executeUpdate();
      LOG.info(() -> "evaluation " + evaluationId + " finished");
      return;
    }
    EvaluationSchedule.Game game = EvaluationSchedule.game(evaluationId, booked, opponents);
    long opponentId =
        ((Number)
                em.createNativeQuery(
                        "select bot_id from evaluation_opponents where evaluation_id = ?1 and"
                            + " position = ?2")
                    .setParameter(1, evaluationId)
                    .setParameter(2, game.opponent())
                    .getSingleResult())
            .longValue();
    if (!waiting(botId, gameType) || !(isHouse(opponentId) || waiting(opponentId, gameType))) {
      return; // its turn comes when both are free
    }
    List<Long> seats =
        game.botSpot() == 0 ? List.of(botId, opponentId) : List.of(opponentId, botId);
    pass.trainingArena(gameType); // its config is the games' (a first start has no arena yet)
    UUID match =
        booking.bookSeated(
            arena(gameType), gameType, pass.arena(gameType).config(), game.seed(), seats);
    em.createNativeQuery(
            "insert into evaluation_games (evaluation_id, game_no, opponent_id, match_id)"
                + " values (?1, ?2, ?3, ?4)")
        .setParameter(1, evaluationId)
        .setParameter(2, booked)
        .setParameter(3, opponentId)
        .setParameter(4, match)
        .executeUpdate();
  }

  private int open(long evaluationId) {
    return ((Number) em.createNativeQuery(OPEN).setParameter(1, evaluationId).getSingleResult())
        .intValue();
  }

  /**
   * Whether the bot is waiting for a game of {@code gameType} as the training arena's pass sees it
   * (its session row locked, like the pass's).
   */
  private boolean waiting(long botId, String gameType) {
    return !em.createNativeQuery(
            "select s.bot_id from bot_sessions s where s.bot_id = ?2 and s.state = 'QUEUED' and "
                + MatchmakingPass.WANTS
                + " and not "
                + MatchmakingPass.IN_TOURNAMENT_LEVEL
                + " for update of s skip locked")
        .setParameter(1, gameType)
        .setParameter(2, botId)
        .getResultList()
        .isEmpty();
  }

  private boolean isHouse(long botId) {
    return !em.createNativeQuery("select 1 from bots where id = ?1 and house is not null")
        .setParameter(1, botId)
        .getResultList()
        .isEmpty();
  }

  /** The evaluation arena of {@code gameType}, created on first use. */
  long arena(String gameType) {
    String find = "select id from arenas where kind = 'EVALUATION' and game_type = ?1";
    List<?> found = em.createNativeQuery(find).setParameter(1, gameType).getResultList();
    if (found.isEmpty()) {
      em.createNativeQuery(
              "insert into arenas (kind, name, game_type) values ('EVALUATION', ?1, ?2)"
                  + " on conflict (name) do nothing")
          .setParameter(1, "evaluation-" + gameType)
          .setParameter(2, gameType)
          .executeUpdate();
      found = em.createNativeQuery(find).setParameter(1, gameType).getResultList();
      if (found.isEmpty()) {
        throw new IllegalStateException(
            "the arena name evaluation-" + gameType + " is taken by an arena of another kind");
      }
    }
    return ((Number) found.get(0)).longValue();
  }
}

package org.botarena.arena.evaluations;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.accounts.TeamService;
import org.botarena.arena.bots.BotService;
import org.botarena.arena.matchmaking.HouseBotRoster;
import org.botarena.arena.matchmaking.HouseFill;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.arena.sessions.SessionRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A team's evaluation runs: asking for one (the suite is fixed then), cancelling one, and the
 * team's consent that its tournament-winning bots join other teams' suites. The leader plays the
 * games ({@link EvaluationScheduler}); {@link EvaluationResults} reads them.
 */
@Stateless
public class EvaluationService {

  private static final Logger LOG = Logger.getLogger(EvaluationService.class.getName());

  /** Tournament winners in one suite at most, the latest first: the suite's size stays bounded. */
  static final int MAX_WINNERS = 20;

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject HouseBotRoster houseBots;

  @Inject BotService bots;

  @Inject TrainingGames trainingGames;

  @Inject SessionRegistry sessions;

  /** Evaluations one team may have running at once, over all its bots. */
  @Inject
  @ConfigProperty(name = "arena.evaluation.max-running-per-team", defaultValue = "3")
  int maxRunningPerTeam = 3;

  /**
   * Asks for {@code gamesPerOpponent} games of the team's bot against every opponent of {@code
   * gameType}'s suite. Refused with a clear message for another team's bot, a game without a
   * training arena, a number outside 1..200, an empty suite, while the bot has one running, or
   * while its team has {@code arena.evaluation.max-running-per-team} running. Returns the
   * evaluation's id.
   */
  public long request(Caller caller, long botId, String gameType, int gamesPerOpponent) {
    String name = requireOwnBot(caller, botId);
    requireRoomInTeam(botId);
    if (gameType == null || !trainingGames.all().contains(gameType)) {
      throw new AccountException(
          "Choose one of the training games: " + String.join(", ", trainingGames.all()) + ".");
    }
    if (gamesPerOpponent < 1 || gamesPerOpponent > EvaluationSchedule.MAX_GAMES_PER_OPPONENT) {
      throw new AccountException(
          "Games per opponent must be from 1 to "
              + EvaluationSchedule.MAX_GAMES_PER_OPPONENT
              + ", got "
              + gamesPerOpponent
              + ".");
    }
    List<Long> suite = suite(gameType, botId);
    if (suite.isEmpty()) {
      throw new AccountException(gameType + " has no house bots and no winners to play against.");
    }
    // the partial unique index (one running evaluation a bot) decides between two requests
    List<?> created =
        em.createNativeQuery(
                "insert into evaluations (bot_id, bot_name, game_type, games_per_opponent,"
                    + " requested_by) values (?1, ?2, ?3, ?4, ?5) on conflict (bot_id) where state"
                    + " = 'RUNNING' do nothing returning id")
            .setParameter(1, botId)
            .setParameter(2, name)
            .setParameter(3, gameType)
            .setParameter(4, gamesPerOpponent)
            .setParameter(5, caller.userId())
            .getResultList();
    if (created.isEmpty()) {
      throw new AccountException(
          "Bot " + name + " has an evaluation running: let it finish or cancel it first.");
    }
    long id = ((Number) created.get(0)).longValue();
    for (int position = 0; position < suite.size(); position++) {
      em.createNativeQuery(
              "insert into evaluation_opponents (evaluation_id, position, bot_id) values (?1, ?2,"
                  + " ?3)")
          .setParameter(1, id)
          .setParameter(2, position)
          .setParameter(3, suite.get(position))
          .executeUpdate();
    }
    sessions.notifyMatchmaker();
    LOG.info(
        () ->
            "user "
                + caller.username()
                + " asked for evaluation "
                + id
                + " of bot "
                + name
                + ": "
                + gamesPerOpponent
                + " games against each of "
                + suite.size()
                + " opponents in "
                + gameType);
    return id;
  }

  /**
   * Refuses a request while the bot's team has its cap of evaluations running; counted under a lock
   * on the team's row, so parallel requests of one team are counted one after the other.
   */
  private void requireRoomInTeam(long botId) {
    Object team =
        em.createNativeQuery(
                "select t.id from teams t join bots b on b.team_id = t.id where b.id = ?1 for"
                    + " update of t")
            .setParameter(1, botId)
            .getSingleResult();
    int running =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from evaluations e join bots b on b.id = e.bot_id where"
                            + " b.team_id = ?1 and e.state = 'RUNNING'")
                    .setParameter(1, team)
                    .getSingleResult())
            .intValue();
    if (running >= maxRunningPerTeam) {
      throw new AccountException(
          "Your team runs "
              + running
              + (running == 1 ? " evaluation" : " evaluations")
              + ", the most it may at once: let one finish or cancel it first.");
    }
  }

  /** Ends the bot's running evaluation with the games played so far (open ones play out). */
  public void cancel(Caller caller, long botId) {
    String name = requireOwnBot(caller, botId);
    int cancelled =
        em.createNativeQuery(
                "update evaluations set state = 'CANCELLED', ended_at = now() where bot_id = ?1"
                    + " and state = 'RUNNING'")
            .setParameter(1, botId)
            .executeUpdate();
    if (cancelled == 0) {
      throw new AccountException("Bot " + name + " has no evaluation running.");
    }
    LOG.info(() -> "user " + caller.username() + " cancelled the evaluation of bot " + name);
  }

  /**
   * The suite of {@code gameType} for bot {@code botId}: every house bot of the game, then the bots
   * that won a round of a tournament of the game and whose team allows it (not the bot itself).
   */
  List<Long> suite(String gameType, long botId) {
    List<Long> suite = new ArrayList<>();
    for (HouseFill.House house : houseBots.of(gameType, "all")) {
      suite.add(house.botId());
    }
    for (Object o :
        em.createNativeQuery(
                "select b.id from bots b join teams tm on tm.id = b.team_id join"
                    + " tournament_rounds r on r.winner_bot = b.id join tournaments t on t.id ="
                    + " r.tournament_id where t.game_type = ?1 and tm.evaluation_opponent and"
                    + " b.deleted_at is null and b.house is null and b.id <> ?2 group by b.id"
                    + " order by max(r.finished_at) desc, b.id limit ?3")
            .setParameter(1, gameType)
            .setParameter(2, botId)
            .setParameter(3, MAX_WINNERS)
            .getResultList()) {
      suite.add(((Number) o).longValue());
    }
    return suite;
  }

  /** Whether the team's tournament winners join other teams' evaluation suites (off by default). */
  public boolean allowsAsOpponent(Caller caller, long teamId) {
    TeamService.requireTeam(caller, teamId);
    return Boolean.TRUE.equals(
        em.createNativeQuery("select evaluation_opponent from teams where id = ?1")
            .setParameter(1, teamId)
            .getSingleResult());
  }

  /** The team's consent, given or withdrawn (suites asked for before keep their opponents). */
  public void allowAsOpponent(Caller caller, long teamId, boolean allowed) {
    TeamService.requireTeam(caller, teamId);
    em.createNativeQuery("update teams set evaluation_opponent = ?1 where id = ?2")
        .setParameter(1, allowed)
        .setParameter(2, teamId)
        .executeUpdate();
    LOG.info(
        () ->
            "user "
                + caller.username()
                + (allowed ? " allowed" : " withdrew")
                + " team "
                + teamId
                + "'s tournament winners in evaluation suites");
  }

  /** The name of a bot of the caller's team (not a house bot or a debug spot). */
  private String requireOwnBot(Caller caller, long botId) {
    return bots.requireBot(caller, botId, false);
  }
}

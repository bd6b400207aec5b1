package org.botarena.web.pages;

import jakarta.annotation.PostConstruct;
import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.bots.BotStats;
import org.botarena.arena.evaluations.EvaluationResults;
import org.botarena.arena.evaluations.EvaluationService;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.web.security.CurrentUser;

/**
 * The bot page's evaluation section: the latest evaluation's results for everyone, and for the
 * bot's team the form that asks for one (or cancels the running one). View-scoped, so that its ajax
 * actions keep the bot of the page's {@code id} (the page's own bean is per request).
 */
@Named
@ViewScoped
public class EvaluationView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentUser me;
  @Inject transient BotStats stats;
  @Inject transient EvaluationService evaluations;
  @Inject transient EvaluationResults results;
  @Inject transient TrainingGames trainingGames;

  private Long botId;
  private Long teamId;
  private boolean house;
  private boolean online;
  private String game;
  private Integer gamesPerOpponent = 20;
  private transient EvaluationResults.Run run;

  @PostConstruct
  void init() {
    String id =
        FacesContext.getCurrentInstance().getExternalContext().getRequestParameterMap().get("id");
    try {
      botId = id == null ? null : Long.valueOf(id.strip());
    } catch (NumberFormatException e) {
      botId = null;
    }
    BotStats.Profile profile = botId == null ? null : stats.profile(botId).orElse(null);
    if (profile == null) {
      botId = null;
      return;
    }
    teamId = profile.teamId();
    house = profile.house() != null || profile.deleted() != null;
    online = profile.online();
    game = trainingGames.first();
  }

  /** Whether the page has a bot that can be evaluated (the section is shown). */
  public boolean isShown() {
    return botId != null && !house;
  }

  /** Whether the bot was connected when the page was opened (its games wait while it is not). */
  public boolean isOnline() {
    return online;
  }

  /** Whether the signed-in user may ask for an evaluation of this bot. */
  public boolean isManaged() {
    Caller c = me.caller();
    return botId != null && !house && c != null && c.mayManage(teamId);
  }

  public EvaluationResults.Run getRun() {
    if (run == null && botId != null) {
      run = results.latest(botId).orElse(null);
    }
    return run;
  }

  public void request() {
    if (Pages.attempt(() -> evaluations.request(me.require(), botId, game, gamesPerOpponent))) {
      Pages.info(
          "Evaluation asked for: its games are played while the bot is connected and waiting for"
              + " games.");
    }
    run = null;
  }

  public void cancel() {
    if (Pages.attempt(() -> evaluations.cancel(me.require(), botId))) {
      Pages.info("Evaluation cancelled: the results are those of the games played.");
    }
    run = null;
  }

  public List<String> getGames() {
    return trainingGames.all();
  }

  public String getGame() {
    return game;
  }

  public void setGame(String game) {
    this.game = game;
  }

  public Integer getGamesPerOpponent() {
    return gamesPerOpponent;
  }

  public void setGamesPerOpponent(Integer gamesPerOpponent) {
    this.gamesPerOpponent = gamesPerOpponent == null ? 0 : gamesPerOpponent;
  }
}

package org.botarena.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.json.Json;
import jakarta.json.JsonArrayBuilder;
import java.util.List;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.bots.BotStats;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.web.security.CurrentUser;

/**
 * A bot's page: ratings, the rating history chart, results per name, head-to-head. Public, like the
 * leaderboard.
 */
@Named
@RequestScoped
public class BotView {

  @Inject BotStats stats;
  @Inject CurrentUser me;

  @Inject TrainingGames trainingGames;

  private Long id;
  private String game;
  private BotStats.Profile profile;

  public void load() {
    profile = id == null ? null : stats.profile(id).orElse(null);
    if (profile == null) {
      Pages.notFound();
      return;
    }
    if (game == null || game.isBlank()) {
      game =
          profile.ratings().stream()
              .map(BotStats.RatingLine::gameType)
              .findFirst()
              .orElse(trainingGames.first());
    }
  }

  /** Chart.js configuration of mu and mu - 3 sigma over the bot's rated matches. */
  public String getChart() {
    List<BotStats.HistoryPoint> points = stats.ratingHistory(id, game);
    JsonArrayBuilder labels = Json.createArrayBuilder();
    JsonArrayBuilder mu = Json.createArrayBuilder();
    JsonArrayBuilder score = Json.createArrayBuilder();
    for (BotStats.HistoryPoint p : points) {
      labels.add(p.at().toString().substring(0, 19).replace('T', ' '));
      mu.add(Math.round(p.mu() * 100) / 100.0);
      score.add(Math.round((p.mu() - 3 * p.sigma()) * 100) / 100.0);
    }
    return Json.createObjectBuilder()
        .add("type", "line")
        .add(
            "data",
            Json.createObjectBuilder()
                .add("labels", labels)
                .add(
                    "datasets",
                    Json.createArrayBuilder()
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "mu")
                                .add("data", mu)
                                .add("fill", false))
                        .add(
                            Json.createObjectBuilder()
                                .add("label", "mu - 3 sigma")
                                .add("data", score)
                                .add("fill", false))))
        .add(
            "options",
            Json.createObjectBuilder().add("responsive", true).add("maintainAspectRatio", false))
        .build()
        .toString();
  }

  public boolean isHistoryEmpty() {
    return stats.ratingHistory(id, game).isEmpty();
  }

  public List<BotStats.NameResults> getNames() {
    return stats.resultsPerName(id);
  }

  public List<BotStats.HeadToHead> getHeadToHead() {
    return stats.headToHead(id);
  }

  /** Whether the signed-in user manages this bot (a link to the team page). */
  public boolean isManaged() {
    Caller c = me.caller();
    return c != null && profile != null && c.mayManage(profile.teamId());
  }

  public Long getId() {
    return id;
  }

  public void setId(Long id) {
    this.id = id;
  }

  public String getGame() {
    return game;
  }

  public void setGame(String game) {
    this.game = game;
  }

  public BotStats.Profile getProfile() {
    return profile;
  }
}

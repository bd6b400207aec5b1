package org.botarena.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.bots.BotStats;
import org.botarena.arena.latency.StepLatencies;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.web.security.CurrentUser;

/**
 * A bot's page: ratings, the rating history chart, results per name, step times (the latency
 * panel), head-to-head. Public, like the leaderboard. The chart's points come from the public API
 * (rating-chart.js reads {@code /api/v1/bots/ID/ratings/GAME/history}), not from the page.
 */
@Named
@RequestScoped
public class BotView {

  @Inject BotStats stats;
  @Inject CurrentUser me;

  @Inject TrainingGames trainingGames;

  @Inject StepLatencies latencies;

  /** Read once per request: the table asks for its value more than once. */
  private StepLatencies.Panel latency;

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

  public List<BotStats.NameResults> getNames() {
    return stats.resultsPerName(id);
  }

  public StepLatencies.Panel getLatency() {
    if (latency == null) {
      latency = latencies.panel(id);
    }
    return latency;
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

package org.botarena.web.pages;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.accounts.TeamService;
import org.botarena.arena.bots.BotService;
import org.botarena.arena.matchmaking.ArenaStatus;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.web.security.CurrentUser;

/**
 * The dashboard: my team, my bots (online, rating, last game), the training arena's queue and
 * games.
 */
@Named
@RequestScoped
public class DashboardView {

  @Inject CurrentUser me;
  @Inject TeamService teams;
  @Inject BotService bots;
  @Inject ArenaStatus status;

  @Inject TrainingGames trainingGames;

  private String teamName;
  private List<BotService.TeamBot> myBots = List.of();
  private ArenaStatus.Counts counts;

  @PostConstruct
  void load() {
    Caller caller = me.require();
    if (caller.teamId() != null) {
      teamName = teams.name(caller.teamId());
      myBots = bots.bots(caller, caller.teamId(), trainingGames.first());
    }
    counts = status.counts();
  }

  public String getTeamName() {
    return teamName;
  }

  public List<BotService.TeamBot> getBots() {
    return myBots;
  }

  public ArenaStatus.Counts getCounts() {
    return counts;
  }

  public String getGameType() {
    return trainingGames.first();
  }
}

package org.botarena.web;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.botarena.arena.application.LeaderboardRow;
import org.botarena.arena.application.LeaderboardService;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The leaderboard page's data: the training arena's game, best first. */
@Named
@RequestScoped
public class LeaderboardView {

  private static final int MAX_ROWS = 1000;

  @Inject LeaderboardService leaderboard;

  @Inject
  @ConfigProperty(name = "arena.training.game")
  String gameType;

  private List<LeaderboardRow> rows;

  @PostConstruct
  void load() {
    rows = leaderboard.leaderboard(gameType, 0, MAX_ROWS);
  }

  public String getGameType() {
    return gameType;
  }

  public List<LeaderboardRow> getRows() {
    return rows;
  }
}

package org.botarena.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.botarena.arena.application.LeaderboardRow;
import org.botarena.arena.application.LeaderboardService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The leaderboard page: the training arena's game, best first, one page at a time, with a search. */
@Named
@ViewScoped
public class LeaderboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient LeaderboardService leaderboard;

  @Inject
  @ConfigProperty(name = "arena.training.game")
  transient String gameType;

  private String search;

  private final LazyDataModel<LeaderboardRow> rows = new LazyDataModel<>() {
    private static final long serialVersionUID = 1L;

    @Override
    public int count(Map<String, FilterMeta> filterBy) {
      return (int) leaderboard.count(gameType, search);
    }

    @Override
    public List<LeaderboardRow> load(int first, int pageSize, Map<String, SortMeta> sortBy,
        Map<String, FilterMeta> filterBy) {
      return leaderboard.search(gameType, search, first, pageSize);
    }

    @Override
    public String getRowKey(LeaderboardRow row) {
      return Long.toString(row.botId());
    }

    @Override
    public LeaderboardRow getRowData(String rowKey) {
      return null;
    }
  };

  public String getGameType() {
    return gameType;
  }

  public LazyDataModel<LeaderboardRow> getRows() {
    return rows;
  }

  public String getSearch() {
    return search;
  }

  public void setSearch(String search) {
    this.search = search;
  }
}

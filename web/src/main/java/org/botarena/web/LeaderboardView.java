package org.botarena.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.botarena.arena.ratings.LeaderboardRow;
import org.botarena.arena.ratings.LeaderboardService;
import org.botarena.arena.ratings.SeasonService;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The leaderboard page: the training arena's game, best first, one page at a time, with a search.
 */
@Named
@ViewScoped
public class LeaderboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient LeaderboardService leaderboard;

  @Inject
  @ConfigProperty(name = "arena.training.game")
  transient String gameType;

  @Inject transient SeasonService seasonService;

  private String search;

  /**
   * The season shown, by its number (the page's {@code season} parameter); unset: the current one.
   */
  private Integer season;

  private List<SeasonService.Season> seasons;

  private final LazyDataModel<LeaderboardRow> rows =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) leaderboard.count(gameType, seasonId(), search);
        }

        @Override
        public List<LeaderboardRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return leaderboard.search(gameType, seasonId(), search, first, pageSize);
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

  /** The training arena's seasons, newest first. */
  public List<SeasonService.Season> getSeasons() {
    if (seasons == null) {
      seasons = seasonService.seasons(gameType);
    }
    return seasons;
  }

  /**
   * The season shown: the one asked for if it exists, else the current one (null before the arena
   * opened).
   */
  public SeasonService.Season getShown() {
    List<SeasonService.Season> all = getSeasons();
    return all.stream()
        .filter(s -> season != null && s.number() == season)
        .findFirst()
        .orElse(all.isEmpty() ? null : all.get(0));
  }

  private long seasonId() {
    SeasonService.Season shown = getShown();
    return shown == null || shown.current() ? LeaderboardService.CURRENT : shown.id();
  }

  public Integer getSeason() {
    return season;
  }

  public void setSeason(Integer season) {
    this.season = season;
  }

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

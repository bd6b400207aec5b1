package org.botarena.web;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.List;
import java.util.Map;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.arena.ratings.LeaderboardRow;
import org.botarena.arena.ratings.LeaderboardService;
import org.botarena.arena.ratings.SeasonService;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/**
 * The leaderboard page: one training arena's game (chosen among the training games), best first,
 * one page at a time, with a search.
 */
@Named
@ViewScoped
public class LeaderboardView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient LeaderboardService leaderboard;

  @Inject transient TrainingGames trainingGames;

  /** The game asked for (the page's {@code game} parameter); unset or unknown: the first. */
  private String game;

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
          return (int) leaderboard.count(getGameType(), seasonId(), search);
        }

        @Override
        public List<LeaderboardRow> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return leaderboard.search(getGameType(), seasonId(), search, first, pageSize);
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
      seasons = seasonService.seasons(getGameType());
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

  /** The game shown: the one asked for if it has a training arena, else the first. */
  public String getGameType() {
    return trainingGames.orFirst(game);
  }

  /** The training games, for the selector. */
  public java.util.List<String> getGames() {
    return trainingGames.all();
  }

  public String getGame() {
    return game;
  }

  public void setGame(String game) {
    this.game = game;
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

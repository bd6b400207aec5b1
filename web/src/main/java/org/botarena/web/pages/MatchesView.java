package org.botarena.web.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.botarena.arena.matches.MatchFilter;
import org.botarena.arena.matches.MatchHistory;
import org.botarena.arena.matches.MatchSummary;
import org.botarena.games.Games;
import org.primefaces.model.FilterMeta;
import org.primefaces.model.LazyDataModel;
import org.primefaces.model.SortMeta;

/** The match history: filters by bot, game, end state and dates; lazy pages, newest first. */
@Named
@ViewScoped
public class MatchesView implements Serializable {

  private static final long serialVersionUID = 1L;
  public static final List<String> END_STATES =
      List.of("WIN", "DRAW", "DISCONNECTED", "TIMEOUT", "INVALID_ACTION", "ABORTED", "DROPPED");

  @Inject transient MatchHistory history;

  private String bot;
  private Long botId;
  private String gameType;
  private String endState;
  private LocalDate from;
  private LocalDate to;

  private final LazyDataModel<MatchSummary> matches =
      new LazyDataModel<>() {
        private static final long serialVersionUID = 1L;

        @Override
        public int count(Map<String, FilterMeta> filterBy) {
          return (int) history.count(filter());
        }

        @Override
        public List<MatchSummary> load(
            int first,
            int pageSize,
            Map<String, SortMeta> sortBy,
            Map<String, FilterMeta> filterBy) {
          return history.matches(filter(), first, pageSize);
        }

        @Override
        public String getRowKey(MatchSummary m) {
          return m.id();
        }

        @Override
        public MatchSummary getRowData(String rowKey) {
          return null;
        }
      };

  MatchFilter filter() {
    return new MatchFilter(bot, botId, gameType, endState, null, from, to);
  }

  public List<String> getGameTypes() {
    return Games.all().stream().map(t -> t.name()).sorted().toList();
  }

  public List<String> getEndStates() {
    return END_STATES;
  }

  public LazyDataModel<MatchSummary> getMatches() {
    return matches;
  }

  /** A row's end state, and its reason when it says more than the state. */
  public String endText(MatchSummary m) {
    return MatchEnd.text(m.endState(), m.endReason());
  }

  public String getBot() {
    return bot;
  }

  public void setBot(String bot) {
    this.bot = bot;
  }

  public Long getBotId() {
    return botId;
  }

  public void setBotId(Long botId) {
    this.botId = botId;
  }

  public String getGameType() {
    return gameType;
  }

  public void setGameType(String gameType) {
    this.gameType = gameType;
  }

  public String getEndState() {
    return endState;
  }

  public void setEndState(String endState) {
    this.endState = endState;
  }

  public LocalDate getFrom() {
    return from;
  }

  public void setFrom(LocalDate from) {
    this.from = from;
  }

  public LocalDate getTo() {
    return to;
  }

  public void setTo(LocalDate to) {
    this.to = to;
  }
}

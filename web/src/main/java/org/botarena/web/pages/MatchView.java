package org.botarena.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.UUID;
import org.botarena.arena.matches.MatchHistory;
import org.botarena.arena.matches.MatchSummary;

/** One match: players, scores, end state and reason, duration, replay download. */
@Named
@RequestScoped
public class MatchView {

  @Inject MatchHistory history;

  private String id;
  private MatchSummary match;

  public void load() {
    try {
      match = id == null ? null : history.match(UUID.fromString(id)).orElse(null);
    } catch (IllegalArgumentException e) {
      match = null;
    }
    if (match == null) {
      Pages.notFound();
    }
  }

  public String getId() {
    return id;
  }

  public void setId(String id) {
    this.id = id;
  }

  public MatchSummary getMatch() {
    return match;
  }

  /** The end state, and the reason when it says more than the state. */
  public String getEndText() {
    return match == null ? "" : MatchEnd.text(match.endState(), match.endReason());
  }
}

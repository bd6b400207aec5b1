package org.botarena.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import org.botarena.arena.tournaments.TournamentService;

/** The tournaments page: the list, or one tournament (?name=) with its levels, groups and games. */
@Named
@RequestScoped
public class TournamentView {

  @Inject TournamentService tournaments;

  private String name;
  private TournamentService.Summary summary;
  private List<TournamentService.Level> levels;

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public List<TournamentService.Summary> getAll() {
    return tournaments.all();
  }

  public TournamentService.Summary getSummary() {
    if (summary == null && name != null) {
      summary = tournaments.find(name).orElse(null);
    }
    return summary;
  }

  public List<TournamentService.Level> getLevels() {
    if (levels == null) {
      levels = getSummary() == null ? List.of() : tournaments.levels(getSummary().id());
    }
    return levels;
  }
}

package org.botarena.web.pages;

import jakarta.faces.context.FacesContext;
import jakarta.faces.model.SelectItem;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.debug.ReplayForks;
import org.botarena.arena.debug.ReplayForks.Options;
import org.botarena.web.security.CurrentUser;

/**
 * The replay page's "Fork at step k": the step, who takes each seat, and the fork's start (then the
 * forked game's live view); and, for a forked game, where it came from.
 */
@Named
@ViewScoped
public class ForkView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentUser me;
  @Inject transient ReplayForks forks;

  private UUID match;
  private int steps;
  private final List<String> players = new ArrayList<>();
  private final List<SelectItem> choices = new ArrayList<>();
  private final List<DebugView.SpotChoice> seats = new ArrayList<>();
  private Integer step;
  private String originMatch;
  private int originStep;

  /** The view action: the form when the signed-in user may fork this finished game. */
  public void load() {
    String param =
        FacesContext.getCurrentInstance()
            .getExternalContext()
            .getRequestParameterMap()
            .get("match");
    try {
      match = param == null ? null : UUID.fromString(param);
    } catch (IllegalArgumentException e) {
      match = null;
    }
    if (match == null) {
      return;
    }
    forks
        .origin(match, me.getName())
        .ifPresent(
            o -> {
              originMatch = o.match().toString();
              originStep = o.step();
            });
    if (!me.isInTeam()) {
      return;
    }
    forks
        .options(me.require(), match)
        .ifPresent(
            (Options o) -> {
              steps = o.steps();
              players.addAll(o.players());
              o.choices().forEach(c -> choices.add(new SelectItem(c.value(), c.label())));
              step = 0;
              for (int spot = 0; spot < o.seats().size(); spot++) {
                seats.add(new DebugView.SpotChoice(spot, o.seats().get(spot)));
              }
            });
  }

  /** Forks the game and goes to the fork's live view, held at the step chosen. */
  public void fork() {
    List<String> bySpot = seats.stream().map(DebugView.SpotChoice::getChoice).toList();
    UUID[] forked = new UUID[1];
    if (step == null) {
      Pages.error("Choose the step to fork at, from 0 to " + steps + ".");
      return;
    }
    if (Pages.attempt(() -> forked[0] = forks.fork(me.require(), match, step, bySpot))) {
      Pages.redirect("/watch.xhtml?match=" + forked[0]);
    }
  }

  public boolean isForkable() {
    return !seats.isEmpty();
  }

  public int getSteps() {
    return steps;
  }

  public String player(int spot) {
    return spot < players.size() ? players.get(spot) : "";
  }

  public List<SelectItem> getChoices() {
    return choices;
  }

  public List<DebugView.SpotChoice> getSeats() {
    return seats;
  }

  public Integer getStep() {
    return step;
  }

  public void setStep(Integer step) {
    this.step = step;
  }

  public String getOriginMatch() {
    return originMatch;
  }

  public int getOriginStep() {
    return originStep;
  }
}

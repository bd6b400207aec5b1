package org.botarena.web.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.Arrays;
import java.util.List;
import org.botarena.arena.tournaments.TournamentAdmin;
import org.botarena.arena.tournaments.TournamentService;
import org.botarena.db.Tournaments;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.botarena.web.security.CurrentUser;

/**
 * The admin's tournaments page: create one, enter and withdraw bots, open it now, follow it (its
 * page). The rules are the admin command line's ({@link Tournaments}).
 */
@Named
@ViewScoped
public class AdminTournamentsView implements Serializable {

  private static final long serialVersionUID = 1L;

  /** The most bots entered with one submit (a pasted list of a whole course fits). */
  static final int MAX_ENTERED_AT_ONCE = 500;

  @Inject transient CurrentUser me;
  @Inject transient TournamentAdmin admin;
  @Inject transient TournamentService tournaments;

  private String name;
  private String game = "simple";
  private String format = "random-draw";
  private int groupSize = 5;
  private int rounds = 1;
  private String config = "{}";
  private int opensInMinutes = 60;

  private String selected;
  private String botNames;

  public List<TournamentService.Summary> getAll() {
    return tournaments.all();
  }

  public List<String> getGames() {
    return Games.all().stream().map(GameType::name).sorted().toList();
  }

  /** The tournament chosen for entering and withdrawing bots, or null. */
  public TournamentService.Summary getChosen() {
    return selected == null ? null : tournaments.find(selected).orElse(null);
  }

  public List<String> getEntrants() {
    TournamentService.Summary chosen = getChosen();
    return chosen == null ? List.of() : admin.entrants(me.require(), chosen.id());
  }

  public void create() {
    Tournaments.Spec spec =
        new Tournaments.Spec(
            name, game, format, groupSize, rounds, config, Math.max(0, opensInMinutes) * 60);
    if (opensInMinutes < 0) {
      Pages.error("It opens now (0 minutes) or later.");
      return;
    }
    if (Pages.attempt(() -> admin.create(me.require(), spec))) {
      Pages.info(
          "Tournament "
              + spec.name().strip()
              + " is created; it opens in "
              + opensInMinutes
              + " minutes.");
      selected = spec.name().strip();
      name = null;
    }
  }

  public void enter() {
    List<String> bots =
        botNames == null
            ? List.of()
            : Arrays.stream(botNames.split("[,\\s]+")).filter(b -> !b.isBlank()).toList();
    if (bots.isEmpty()) {
      Pages.error("Name the bots to enter, separated by commas or spaces.");
      return;
    }
    if (bots.size() > MAX_ENTERED_AT_ONCE) {
      Pages.error("At most " + MAX_ENTERED_AT_ONCE + " bots at once.");
      return;
    }
    String[] warning = new String[1];
    if (Pages.attempt(() -> warning[0] = admin.enter(me.require(), selected, bots))) {
      Pages.info(bots.size() + " entered in " + selected + ".");
      if (warning[0] != null) {
        Pages.error(warning[0]);
      }
      botNames = null;
    }
  }

  public void withdraw(String bot) {
    if (Pages.attempt(() -> admin.withdraw(me.require(), selected, bot))) {
      Pages.info(bot + " is withdrawn from " + selected + ".");
    }
  }

  public void openNow(String tournament) {
    boolean[] opened = new boolean[1];
    if (Pages.attempt(() -> opened[0] = admin.openNow(me.require(), tournament))) {
      Pages.info(
          opened[0]
              ? tournament + " is open: its first round starts once two entrants are online."
              : tournament + " was open already.");
    }
  }

  public String getName() {
    return name;
  }

  public void setName(String name) {
    this.name = name;
  }

  public String getGame() {
    return game;
  }

  public void setGame(String game) {
    this.game = game;
  }

  public String getFormat() {
    return format;
  }

  public void setFormat(String format) {
    this.format = format;
  }

  public int getGroupSize() {
    return groupSize;
  }

  public void setGroupSize(int groupSize) {
    this.groupSize = groupSize;
  }

  public int getRounds() {
    return rounds;
  }

  public void setRounds(int rounds) {
    this.rounds = rounds;
  }

  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }

  public int getOpensInMinutes() {
    return opensInMinutes;
  }

  public void setOpensInMinutes(int opensInMinutes) {
    this.opensInMinutes = opensInMinutes;
  }

  public String getSelected() {
    return selected;
  }

  public void setSelected(String selected) {
    this.selected = selected;
  }

  public String getBotNames() {
    return botNames;
  }

  public void setBotNames(String botNames) {
    this.botNames = botNames;
  }
}

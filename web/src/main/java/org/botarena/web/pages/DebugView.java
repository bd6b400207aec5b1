package org.botarena.web.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.debug.DebugArenaService;
import org.botarena.arena.debug.DebugArenaService.Choice;
import org.botarena.arena.debug.DebugArenaService.DebugArena;
import org.botarena.arena.debug.DebugArenaService.DebugGame;
import org.botarena.arena.debug.DebugArenaService.Spot;
import org.botarena.arena.debug.DebugArenaService.SpotToken;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.botarena.web.security.CurrentUser;

/**
 * A debug arena's page: its game and config, its spots' tokens, starting a game by hand (who plays
 * each spot), and its last games with links to watch them live. New spot tokens are held by this
 * view only until the next action.
 */
@Named
@ViewScoped
public class DebugView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentUser me;
  @Inject transient DebugArenaService debug;

  private Long arenaId;
  private DebugArena arena;
  private List<DebugArena> teamArenas = List.of();
  private String gameType;
  private String config;
  private List<SpotChoice> assignment = new ArrayList<>();
  private boolean startPaused = true;
  private transient List<SpotToken> shownTokens;

  /**
   * Read once per action, not once per use on the page (all three together; spots null: unread).
   */
  private transient List<Spot> spots;

  private transient List<Choice> choices;
  private transient List<DebugGame> games;

  /** Who plays one spot of the next game (the start form's rows). */
  public static final class SpotChoice implements Serializable {
    private static final long serialVersionUID = 1L;
    private final int spot;
    private String choice;

    SpotChoice(int spot, String choice) {
      this.spot = spot;
      this.choice = choice;
    }

    public int getSpot() {
      return spot;
    }

    public String getChoice() {
      return choice;
    }

    public void setChoice(String choice) {
      this.choice = choice;
    }
  }

  /** The view action: the arena asked for (one of the team's), else the caller's own. */
  public void load() {
    if (!me.isInTeam()) {
      return; // the page says to join a team first
    }
    if (!Pages.attempt(
        () -> {
          teamArenas = debug.teamArenas(me.require());
          arena = arenaId == null ? teamArenas.get(0) : debug.arena(me.require(), arenaId);
        })) {
      arena = null;
      return;
    }
    arenaId = arena.id();
    gameType = arena.gameType();
    config = arena.config();
    resetAssignment();
  }

  /** After an action the page shows spots, choices and games read afresh. */
  private void forget() {
    spots = null;
  }

  /** Spots, choices and games, read together once per request that needs them. */
  private void read() {
    if (arena == null) {
      spots = List.of();
      choices = List.of();
      games = List.of();
    } else if (spots == null) {
      spots = debug.spots(me.require(), arenaId);
      choices = debug.choices(me.require(), arenaId);
      games = debug.games(me.require(), arenaId);
    }
  }

  private void resetAssignment() {
    assignment = new ArrayList<>();
    for (int spot = 0; spot < arena.players(); spot++) {
      // by default each spot is played by its own debug spot's connection
      assignment.add(new SpotChoice(spot, "spot:" + spot));
    }
  }

  public void configure() {
    forget();
    if (Pages.attempt(() -> arena = debug.configure(me.require(), arenaId, gameType, config))) {
      config = arena.config();
      resetAssignment();
      Pages.info(
          "Saved: games started from now on play " + arena.gameType() + " with this config.");
    }
  }

  public void newTokens() {
    forget();
    // once committed, connections that used the old tokens are cut off (BotCutOff)
    Pages.attempt(() -> shownTokens = debug.newTokens(me.require(), arenaId));
  }

  /** Shows the spots' connections and the games as they are now. */
  public void refreshPage() {
    forget();
  }

  /** Starts a game and goes to its live view. */
  public void start() {
    forget();
    List<String> bySpot = assignment.stream().map(SpotChoice::getChoice).toList();
    UUID[] started = new UUID[1];
    if (Pages.attempt(() -> started[0] = debug.start(me.require(), arenaId, bySpot, startPaused))) {
      Pages.redirect("/watch.xhtml?match=" + started[0]);
    }
  }

  public List<Spot> getSpots() {
    read();
    return spots;
  }

  public List<Choice> getChoices() {
    read();
    return choices;
  }

  public List<DebugGame> getGames() {
    read();
    return games;
  }

  public List<String> getGameTypes() {
    return Games.all().stream().map(GameType::name).sorted().toList();
  }

  public DebugArena getArena() {
    return arena;
  }

  public List<DebugArena> getTeamArenas() {
    return teamArenas;
  }

  public Long getArenaId() {
    return arenaId;
  }

  public void setArenaId(Long arenaId) {
    this.arenaId = arenaId;
  }

  public String getGameType() {
    return gameType;
  }

  public void setGameType(String gameType) {
    this.gameType = gameType;
  }

  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }

  public List<SpotChoice> getAssignment() {
    return assignment;
  }

  public boolean isStartPaused() {
    return startPaused;
  }

  public void setStartPaused(boolean startPaused) {
    this.startPaused = startPaused;
  }

  public List<SpotToken> getShownTokens() {
    return shownTokens;
  }
}

package org.botarena.web.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.Serializable;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botarena.arena.matchmaking.ArenaAdmin;
import org.botarena.db.ArenaSettings;
import org.botarena.web.security.CurrentUser;

/**
 * The admin's training arenas page: one arena at a time (chosen by its game), its game config and
 * matchmaking settings; a blank field takes the default. Values are checked by the rule the CLI
 * uses ({@link ArenaSettings}); the leader applies them at its next pass.
 */
@Named
@ViewScoped
public class AdminArenasView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentUser me;
  @Inject transient ArenaAdmin arenas;

  /** The game whose arena is shown (the page's {@code game} parameter); unset: the first. */
  private String game;

  /** The fields: a setting's own value by key, blank for the default. */
  private final Map<String, String> values = new HashMap<>();

  private String config;

  private transient List<ArenaAdmin.View> all;

  public List<ArenaAdmin.View> getArenas() {
    if (all == null) {
      all = arenas.arenas(me.require());
    }
    return all;
  }

  /** The arena shown. */
  public ArenaAdmin.View getShown() {
    return getArenas().stream()
        .filter(a -> a.gameType().equals(game))
        .findFirst()
        .orElse(getArenas().get(0));
  }

  /** Fills the fields from the arena shown (the page's view action). */
  public void load() {
    ArenaAdmin.View shown = getShown();
    game = shown.gameType();
    values.clear();
    for (ArenaAdmin.Setting s : shown.settings()) {
      values.put(s.key(), s.own() == null ? "" : s.own());
    }
    config = shown.config();
  }

  /** Saves the fields: a changed one is set, one emptied goes back to the default. */
  public void save() {
    ArenaAdmin.View shown = getShown();
    Map<String, String> set = new LinkedHashMap<>();
    Set<String> unset = new LinkedHashSet<>();
    for (ArenaAdmin.Setting s : shown.settings()) {
      String value = values.getOrDefault(s.key(), "").strip();
      if (value.isEmpty()) {
        if (s.own() != null) {
          unset.add(s.key());
        }
      } else if (!value.equals(s.own())) {
        set.put(s.key(), value);
      }
    }
    String typed = config == null ? "" : config.strip();
    if (!typed.equals(shown.config())) {
      set.put(ArenaSettings.CONFIG, typed.isEmpty() ? "{}" : typed);
    }
    if (set.isEmpty() && unset.isEmpty()) {
      Pages.info("Nothing changed.");
      return;
    }
    if (Pages.attempt(() -> arenas.change(me.require(), shown.gameType(), set, unset))) {
      all = null;
      load();
      Pages.info(
          "The " + shown.gameType() + " arena's settings are saved; the next pass applies them.");
    }
  }

  /** Every setting and the game config back to the defaults (the page asks first). */
  public void resetAll() {
    ArenaAdmin.View shown = getShown();
    Set<String> unset = new LinkedHashSet<>(ArenaSettings.names());
    if (Pages.attempt(() -> arenas.change(me.require(), shown.gameType(), Map.of(), unset))) {
      all = null;
      load();
      Pages.info("The " + shown.gameType() + " arena is back to the defaults.");
    }
  }

  public String getGame() {
    return game;
  }

  public void setGame(String game) {
    this.game = game;
  }

  public Map<String, String> getValues() {
    return values;
  }

  public String getConfig() {
    return config;
  }

  public void setConfig(String config) {
    this.config = config;
  }
}

package org.botarena.arena.matchmaking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.db.ArenaSettings;
import org.botarena.db.TrainingArenas;
import org.hibernate.Session;

/**
 * The training arenas for an admin (the admin page's arenas): each configured game's arena with its
 * game config and its settings in force, and changes to them, checked by {@link ArenaSettings} (the
 * rule the CLI uses too) and applied by the leader at its next pass.
 */
@Stateless
public class ArenaAdmin {

  private static final Logger LOG = Logger.getLogger(ArenaAdmin.class.getName());

  /**
   * A setting as the page shows it: the arena's own value (null: the default) and the one in force.
   */
  public record Setting(String key, String meaning, String rule, String own, String inForce) {}

  /** A training arena with its config and settings. */
  public record View(String gameType, long arenaId, String config, List<Setting> settings) {}

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject TrainingGames games;
  @Inject MatchmakingPass pass;

  /** The configured training games' arenas (opened if they were not yet), in configured order. */
  public List<View> arenas(Caller caller) {
    require(caller);
    List<View> views = new ArrayList<>();
    for (String game : games.all()) {
      views.add(view(game));
    }
    return views;
  }

  /**
   * Sets ({@code set}: key to value) and resets ({@code unset}) settings of {@code gameType}'s
   * arena, all checked before anything changes; an {@link AccountException} says what is wrong.
   */
  public View change(Caller caller, String gameType, Map<String, String> set, Set<String> unset) {
    require(caller);
    if (!games.all().contains(gameType)) {
      throw new AccountException(
          "No training arena of '"
              + gameType
              + "'; the training games are "
              + String.join(", ", games.all())
              + ".");
    }
    try {
      em.unwrap(Session.class).doReturningWork(c -> TrainingArenas.change(c, gameType, set, unset));
    } catch (IllegalArgumentException e) {
      throw new AccountException(e.getMessage());
    }
    LOG.info(
        () ->
            "admin "
                + caller.username()
                + " changed the "
                + gameType
                + " arena: set "
                + set
                + ", reset "
                + unset);
    return view(gameType);
  }

  private View view(String game) {
    long id = pass.trainingArena(game);
    TrainingArenas.Arena arena = pass.arena(game);
    TrainingSettings inForce = pass.settings(arena);
    List<Setting> settings = new ArrayList<>();
    for (ArenaSettings.Key key : ArenaSettings.keys()) {
      settings.add(
          new Setting(
              key.name(),
              key.meaning(),
              key.rule(),
              arena.settings().get(key.name()),
              inForce.values().get(key.name())));
    }
    return new View(game, id, arena.config(), settings);
  }

  private static void require(Caller caller) {
    if (caller == null || !caller.admin()) {
      throw new AccessDenied("Only admins may change the training arenas.");
    }
  }
}

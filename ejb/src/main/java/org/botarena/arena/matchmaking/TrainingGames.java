package org.botarena.arena.matchmaking;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The games that have a training arena: {@code arena.training.games} (a comma-separated list, e.g.
 * {@code simple,rps,connect4,hockey}), or, when that is unset, the one {@code arena.training.game}
 * (the single arena of earlier versions).
 */
@ApplicationScoped
public class TrainingGames {

  @Inject
  @ConfigProperty(name = "arena.training.games")
  Optional<String> games;

  @Inject
  @ConfigProperty(name = "arena.training.game")
  String game;

  private volatile List<String> parsed;

  /** The training games, in the configured order (the first is the portal's default). */
  public List<String> all() {
    List<String> p = parsed;
    if (p == null) {
      p = parse(games.orElse(null), game);
      parsed = p;
    }
    return p;
  }

  /** The first training game: what a page shows when none is asked for. */
  public String first() {
    return all().get(0);
  }

  /** {@code gameType} if it has a training arena, else the first training game. */
  public String orFirst(String gameType) {
    return gameType != null && all().contains(gameType) ? gameType : first();
  }

  /** The names in {@code wanted} that have no training arena here, in their order. */
  public List<String> unknown(Collection<String> wanted) {
    return wanted.stream().filter(g -> !all().contains(g)).toList();
  }

  /**
   * The rule: the list when it is given (blank names dropped, each once), else the single game;
   * every name must be a game, or an {@link IllegalArgumentException} says which is not.
   */
  public static List<String> parse(String games, String game) {
    Set<String> names = new LinkedHashSet<>();
    String key = "arena.training.games";
    if (games != null) {
      for (String name : games.split(",")) {
        if (!name.isBlank()) {
          names.add(name.strip());
        }
      }
    }
    if (names.isEmpty() && game != null && !game.isBlank()) {
      names.add(game.strip());
      key = "arena.training.game";
    }
    if (names.isEmpty()) {
      throw new IllegalArgumentException(
          "no training game: set arena.training.games (ARENA_TRAINING_GAMES) or"
              + " arena.training.game");
    }
    List<String> unknown = new ArrayList<>();
    for (String name : names) {
      if (!Games.exists(name)) {
        unknown.add(name);
      }
    }
    if (!unknown.isEmpty()) {
      throw new IllegalArgumentException(
          key
              + " names "
              + unknown
              + ", which "
              + (unknown.size() == 1 ? "is no game" : "are no games")
              + "; the games are "
              + Games.all().stream().map(GameType::name).sorted().toList());
    }
    return List.copyOf(names);
  }
}

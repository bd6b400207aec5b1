package org.botarena.arena.matchmaking;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;

/**
 * Loads the games when the application starts, the games folder's jars among them (its log lines
 * come now, not at the first match), and says which games this instance plays; a training game
 * (arena.training.games, or arena.training.game) that is none of them is logged as an error (its
 * matches would fail).
 */
@Singleton
@Startup
public class GamesAtStart {

  private static final Logger LOG = Logger.getLogger(GamesAtStart.class.getName());

  @Inject TrainingGames training;

  @PostConstruct
  void load() {
    String names = String.join(", ", Games.all().stream().map(GameType::name).toList());
    try {
      LOG.info(
          "games: " + names + "; the training arenas play " + String.join(", ", training.all()));
    } catch (IllegalArgumentException e) {
      LOG.severe(e.getMessage() + ": is its jar missing from the games folder?");
    }
  }
}

package org.botarena.arena.matchmaking;

import jakarta.annotation.PostConstruct;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.inject.Inject;
import java.util.logging.Logger;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Loads the games when the application starts, the games folder's jars among them (its log lines
 * come now, not at the first match), and says which games this instance plays; a training game that
 * is none of them is logged as an error (its matches would fail).
 */
@Singleton
@Startup
public class GamesAtStart {

  private static final Logger LOG = Logger.getLogger(GamesAtStart.class.getName());

  @Inject
  @ConfigProperty(name = "arena.training.game")
  String trainingGame;

  @PostConstruct
  void load() {
    String names = String.join(", ", Games.all().stream().map(GameType::name).toList());
    LOG.info("games: " + names + "; the training arena plays " + trainingGame);
    if (!Games.exists(trainingGame)) {
      LOG.severe(
          "the training game '"
              + trainingGame
              + "' (arena.training.game) is none of the games ("
              + names
              + "): is its jar missing from the games folder?");
    }
  }
}

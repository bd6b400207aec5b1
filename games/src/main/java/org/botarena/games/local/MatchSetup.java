package org.botarena.games.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.botarena.games.referee.StepRules;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.PlatformConfig;

/**
 * What a contestant is told when a game starts.
 *
 * @param gameId the game's id on the wire
 * @param type the game type
 * @param config the full config
 * @param seed the seed
 * @param players a display name per spot
 * @param rules the step rules, told to bots in {@code game_start} as on the server
 */
public record MatchSetup(
    String gameId,
    GameType type,
    ObjectNode config,
    long seed,
    List<String> players,
    StepRules rules) {

  public MatchSetup {
    players = List.copyOf(players);
  }

  /** The config as bots are told it: the game's keys and the step rules. */
  public ObjectNode toldConfig() {
    return PlatformConfig.told(config, rules.deadlineMs(), rules.maxTimeouts());
  }

  /** The names of everyone but {@code spot}. */
  public List<String> opponentsOf(int spot) {
    List<String> others = new java.util.ArrayList<>(players);
    others.remove(spot);
    return others;
  }
}

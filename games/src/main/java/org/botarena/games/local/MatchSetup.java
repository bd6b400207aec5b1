package org.botarena.games.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import org.botarena.games.spi.GameType;

/**
 * What a contestant is told when a game starts.
 *
 * @param gameId the game's id on the wire
 * @param type the game type
 * @param config the full config
 * @param seed the seed
 * @param players a display name per spot
 */
public record MatchSetup(String gameId, GameType type, ObjectNode config, long seed,
    List<String> players) {

  public MatchSetup {
    players = List.copyOf(players);
  }

  /** The names of everyone but {@code spot}. */
  public List<String> opponentsOf(int spot) {
    List<String> others = new java.util.ArrayList<>(players);
    others.remove(spot);
    return others;
  }
}

package org.botarena.games.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

/** A built-in opponent: sees what a bot sees and answers with an action. */
public interface HouseBot {

  /** The action for one step, from the spot's own observation. */
  JsonNode act(JsonNode observation);

  /** Makes a house bot for one game; the seed makes its choices reproducible. */
  @FunctionalInterface
  interface Factory {
    HouseBot create(ObjectNode config, int spot, long seed);
  }
}

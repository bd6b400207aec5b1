package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.spi.Outcome;

/** A house bot as a contestant: a fresh bot per game, seeded from the game's seed and spot. */
public final class HouseContestant implements Contestant {

  private final String botName;
  private final Map<Integer, HouseBot> bySpot = new HashMap<>();

  public HouseContestant(String botName) {
    this.botName = botName;
  }

  @Override
  public String name() {
    return "house:" + botName;
  }

  @Override
  public void gameStarted(MatchSetup setup, int spot) {
    HouseBot.Factory factory = setup.type().houseBots().get(botName);
    if (factory == null) {
      throw new IllegalArgumentException("game " + setup.type().name() + " has no house bot '"
          + botName + "' (it has: " + String.join(", ", new java.util.TreeSet<>(
              setup.type().houseBots().keySet())) + ")");
    }
    bySpot.put(spot, factory.create(setup.config(), spot, botSeed(setup.seed(), spot)));
  }

  /** Different for each spot, so that two equal bots do not mirror each other's choices. */
  static long botSeed(long gameSeed, int spot) {
    return gameSeed * 0x9E3779B97F4A7C15L + 31L * (spot + 1);
  }

  @Override
  public CompletableFuture<JsonNode> act(int spot, int seq, JsonNode observation, long deadlineMs) {
    return CompletableFuture.completedFuture(bySpot.get(spot).act(observation));
  }

  @Override
  public void gameEnded(int spot, Outcome outcome, ObjectNode stats) {
    bySpot.remove(spot);
  }
}

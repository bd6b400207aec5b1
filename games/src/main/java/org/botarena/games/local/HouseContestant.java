package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.botarena.games.referee.StandIns;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.spi.Outcome;

/**
 * A house bot as a contestant: a fresh bot per game, seeded as on the server ({@link StandIns}).
 * {@link LocalMatch} hands it to the referee, which plays it as the server's runner does.
 */
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
    bySpot.put(spot, StandIns.create(setup.type(), botName, setup.config(), spot, setup.seed()));
  }

  /** The house bot of the game started for {@code spot}. */
  HouseBot bot(int spot) {
    return bySpot.get(spot);
  }

  @Override
  public CompletableFuture<JsonNode> act(
      int spot, long seq, JsonNode observation, long deadlineMs) {
    return CompletableFuture.completedFuture(bySpot.get(spot).act(observation));
  }

  @Override
  public void gameEnded(int spot, Outcome outcome, ObjectNode stats) {
    bySpot.remove(spot);
  }
}

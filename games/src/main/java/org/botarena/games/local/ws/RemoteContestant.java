package org.botarena.games.local.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.botarena.games.local.Contestant;
import org.botarena.games.local.MatchSetup;
import org.botarena.games.spi.Outcome;

/**
 * A bot on the local WebSocket server as a contestant. It takes the next connected bot from the
 * lobby when a game starts (and again after a disconnect), waiting up to {@code patience}.
 */
public final class RemoteContestant implements Contestant {

  private final BotLobby lobby;
  private final Duration patience;
  private final PrintStream log;
  private final String waitingFor;
  private final Map<Integer, String> gameBySpot = new HashMap<>();
  private BotConnection connection;

  public RemoteContestant(BotLobby lobby, Duration patience, PrintStream log, String url) {
    this.lobby = lobby;
    this.patience = patience;
    this.log = log;
    this.waitingFor = url;
  }

  @Override
  public String name() {
    return "ws";
  }

  @Override
  public void gameStarted(MatchSetup setup, int spot) {
    connect();
    gameBySpot.put(spot, setup.gameId());
    connection.send(Messages.gameStart(setup.gameId(), setup.type().name(), spot,
        setup.opponentsOf(spot), setup.config()));
  }

  private void connect() {
    if (connection != null && connection.open()) {
      return;
    }
    log.println("waiting for a bot on " + waitingFor + " (any token) ...");
    try {
      connection = lobby.take(patience);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a bot", e);
    }
    if (connection == null) {
      throw new IllegalStateException("no bot connected to " + waitingFor + " within "
          + patience.toSeconds() + " s");
    }
  }

  @Override
  public CompletableFuture<JsonNode> act(int spot, int seq, JsonNode observation, long deadlineMs) {
    String game = gameBySpot.get(spot);
    ObjectNode step = Messages.step(game, spot, seq, observation, deadlineMs);
    return connection.ask(game, spot, seq, step);
  }

  @Override
  public void missed(int spot, int seq) {
    String game = gameBySpot.get(spot);
    connection.expire(game, spot, seq);
    connection.send(Messages.error("TIMEOUT", "no action for seq " + seq
        + " before the deadline; the game's no-op was played", game));
  }

  @Override
  public void rejected(int spot, String problem) {
    connection.send(Messages.error("INVALID_ACTION", problem, gameBySpot.get(spot)));
  }

  @Override
  public void gameEnded(int spot, Outcome outcome, ObjectNode stats) {
    connection.send(Messages.gameEnd(gameBySpot.remove(spot), spot, outcome, stats));
  }
}

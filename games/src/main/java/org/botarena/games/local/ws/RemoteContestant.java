package org.botarena.games.local.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import org.botarena.games.local.Contestant;
import org.botarena.games.local.MatchSetup;
import org.botarena.games.spi.Outcome;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;

/**
 * A bot on the local WebSocket server as a contestant. It takes the next connected bot from the
 * lobby when a game starts (and again after a disconnect), waiting up to {@code patience}.
 */
public final class RemoteContestant implements Contestant {

  private final BotLobby lobby;
  private final Duration patience;
  private final PrintStream log;
  private final String waitingFor;

  /** The player this contestant is ({@code p1}, {@code p2}): a bot with that token takes it. */
  private final String player;

  private final Set<String> players;
  private final Map<Integer, String> gameBySpot = new HashMap<>();
  private BotConnection connection;

  public RemoteContestant(BotLobby lobby, Duration patience, PrintStream log, String url) {
    this(lobby, patience, log, url, null, Set.of());
  }

  /**
   * A contestant for player {@code player} of {@code players}: a bot whose token is {@code player}
   * takes it, a bot with any other token not in {@code players} the first one free.
   */
  public RemoteContestant(
      BotLobby lobby,
      Duration patience,
      PrintStream log,
      String url,
      String player,
      Set<String> players) {
    this.player = player;
    this.players = Set.copyOf(players);
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
    connection.send(
        new Frame.GameStart(
            setup.gameId(),
            setup.type().name(),
            List.of(spot),
            setup.opponentsOf(spot),
            setup.toldConfig()));
  }

  private void connect() {
    if (connection != null && connection.open()) {
      return;
    }
    log.println(
        "waiting for a bot on "
            + waitingFor
            + (player == null
                ? " (any token)"
                : " for " + player + " (token " + player + ", or any other token)")
            + " ...");
    try {
      connection = lobby.take(patience, player, players);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while waiting for a bot", e);
    }
    if (connection == null) {
      throw new IllegalStateException(
          "no bot connected to " + waitingFor + " within " + patience.toSeconds() + " s");
    }
  }

  @Override
  public CompletableFuture<JsonNode> act(
      int spot, long seq, JsonNode observation, long deadlineMs) {
    return connection.ask(new Frame.Step(gameBySpot.get(spot), spot, seq, observation, deadlineMs));
  }

  @Override
  public void missed(int spot, long seq, String message) {
    String game = gameBySpot.get(spot);
    connection.expire(game, spot, seq);
    connection.send(new Frame.Error(ErrorCode.TIMEOUT, message, game));
  }

  @Override
  public void rejected(int spot, String problem) {
    connection.send(new Frame.Error(ErrorCode.INVALID_ACTION, problem, gameBySpot.get(spot)));
  }

  @Override
  public void gameEnded(int spot, Outcome outcome, ObjectNode stats) {
    connection.send(outcome.endFrame(gameBySpot.remove(spot), spot, stats));
  }
}

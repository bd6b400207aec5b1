package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.concurrent.CompletableFuture;
import org.botarena.games.spi.Outcome;

/**
 * A player in a local game: a house bot (which the referee plays itself), or a bot on the local
 * WebSocket server. The calls mirror the protocol's messages (game_start, step, error, game_end).
 */
public interface Contestant {

  /** How the summary names this player, e.g. {@code house:strong} or {@code ws}. */
  String name();

  /** A game starts in which this contestant plays {@code spot}. */
  void gameStarted(MatchSetup setup, int spot);

  /**
   * Asks for {@code spot}'s action; the future completes with the action, or exceptionally with
   * {@link ContestantGone} when the bot went away. A future that has not completed by the deadline
   * counts as a missed step.
   */
  CompletableFuture<JsonNode> act(int spot, long seq, JsonNode observation, long deadlineMs);

  /** The step {@code seq} passed without an action: the no-op was played, or the game forfeited. */
  default void missed(int spot, long seq, String message) {}

  /** The action was rejected; the game is forfeited. */
  default void rejected(int spot, String problem) {}

  /** The game is over. */
  void gameEnded(int spot, Outcome outcome, ObjectNode stats);

  /** Thrown (as a future's cause) when a contestant's bot disconnected. */
  final class ContestantGone extends RuntimeException {
    public ContestantGone(String message) {
      super(message);
    }
  }
}

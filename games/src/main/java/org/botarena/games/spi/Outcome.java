package org.botarena.games.spi;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.botarena.protocol.Frame;

/**
 * How a finished game ended.
 *
 * @param reason why it ended
 * @param winners the winning spots; empty for a draw
 * @param scores a number per spot (points, goals)
 */
public record Outcome(EndReason reason, List<Integer> winners, Map<Integer, Double> scores) {

  public Outcome {
    winners = List.copyOf(winners);
    scores = Map.copyOf(scores);
  }

  public boolean draw() {
    return winners.isEmpty();
  }

  /** {@code win}, {@code loss} or {@code draw} for one spot, as the protocol says it. */
  public String resultFor(int spot) {
    if (winners.isEmpty()) {
      return "draw";
    }
    return winners.contains(spot) ? "win" : "loss";
  }

  /**
   * The {@code game_end} frame that tells the bot on {@code spot} of game {@code game} how it did.
   */
  public Frame.GameEnd endFrame(String game, int spot, JsonNode stats) {
    return new Frame.GameEnd(game, resultFor(spot), reason.wire(), scores, stats);
  }
}

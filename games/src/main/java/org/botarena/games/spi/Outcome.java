package org.botarena.games.spi;

import java.util.List;
import java.util.Map;

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
}

package org.botarena.games.rps;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.SplittableRandom;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;

/** House bots for rock-paper-scissors. */
final class RpsHouseBots {

  private RpsHouseBots() {}

  /** Uniformly random: unbeatable on average, and never better than even. */
  static final class Uniform implements HouseBot {
    private final SplittableRandom random;

    Uniform(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      return Json.array().add(random.nextInt(3));
    }
  }

  /** Always the same move: the most biased opponent, useful to test the others against. */
  static final class Constant implements HouseBot {
    private final int move;

    Constant(int move) {
      this.move = move;
    }

    @Override
    public JsonNode act(JsonNode observation) {
      return Json.array().add(move);
    }
  }

  /**
   * Counts the opponent's moves (observation[2]) and plays what beats its most frequent one; ties
   * and the first round are broken at random. Beats any opponent with a bias.
   */
  static final class FrequencyCounter implements HouseBot {
    private final SplittableRandom random;
    private final int[] seen = new int[3];

    FrequencyCounter(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      int last = observation.get(2).intValue();
      if (last >= 0 && last < 3) {
        seen[last]++;
      }
      return Json.array().add(RpsGame.beating(mostFrequent()));
    }

    private int mostFrequent() {
      int best = random.nextInt(3);
      for (int move = 0; move < 3; move++) {
        if (seen[move] > seen[best]) {
          best = move;
        }
      }
      return best;
    }
  }
}

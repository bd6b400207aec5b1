package org.botarena.client.examples;

import java.util.Random;
import java.util.stream.IntStream;
import org.botarena.client.Agent;
import org.botarena.client.Step;

/**
 * A random agent for every game the server ships, the baseline every bot should beat: {@code java
 * -jar arena-client.jar --token T org.botarena.client.examples.RandomAgent}.
 */
public final class RandomAgent implements Agent {

  private final Random random = new Random();

  @Override
  public Object getStep(Step step) {
    return switch (step.gameType()) {
      case "simple" -> new int[] {random.nextInt(4)};
      case "rps" -> new int[] {random.nextInt(3)};
      // 42 cells, top row first: a column is open while its top cell is empty
      case "connect4" -> {
        int[] board = step.ints();
        int[] open = IntStream.range(0, 7).filter(column -> board[column] == 0).toArray();
        yield new int[] {open[random.nextInt(open.length)]};
      }
      case "hockey" -> random.doubles(4, -1, 1).toArray();
      default -> throw new IllegalArgumentException("RandomAgent does not know " + step.gameType());
    };
  }
}

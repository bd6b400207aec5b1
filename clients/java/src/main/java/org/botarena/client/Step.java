package org.botarena.client;

import java.util.List;

/**
 * One {@code step}: the observation of one spot of one game, to be answered before the deadline.
 *
 * @param game the game's id
 * @param gameType e.g. {@code hockey}
 * @param spot the spot asked
 * @param seq the step's sequence number (per game and spot)
 * @param deadlineMs milliseconds the server waits for the action
 * @param observation the observation as parsed JSON (see {@link Json})
 */
public record Step(
    String game, String gameType, int spot, int seq, long deadlineMs, Object observation) {

  /** The observation as numbers (every game shipped observes a flat array of numbers). */
  public double[] doubles() {
    if (!(observation instanceof List<?> values)) {
      throw new IllegalStateException(
          "the observation is not an array: " + Json.write(observation));
    }
    double[] numbers = new double[values.size()];
    for (int i = 0; i < numbers.length; i++) {
      numbers[i] = ((Number) values.get(i)).doubleValue();
    }
    return numbers;
  }

  /** The observation as integers (simple, rps, connect4). */
  public int[] ints() {
    double[] numbers = doubles();
    int[] integers = new int[numbers.length];
    for (int i = 0; i < numbers.length; i++) {
      integers[i] = (int) numbers[i];
    }
    return integers;
  }
}

package org.botarena.games.connect4;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;

/** House bots for connect four; both read the board from their own observation. */
final class Connect4HouseBots {

  private Connect4HouseBots() {}

  static Board board(JsonNode observation) {
    int[] cells = new int[Board.CELLS];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = observation.get(i).intValue();
    }
    return new Board(cells);
  }

  static List<Integer> open(Board board) {
    List<Integer> columns = new ArrayList<>();
    for (int column = 0; column < Board.COLUMNS; column++) {
      if (!board.full(column)) {
        columns.add(column);
      }
    }
    return columns;
  }

  /** A uniformly random column that is not full. */
  static final class Uniform implements HouseBot {
    private final SplittableRandom random;

    Uniform(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      List<Integer> columns = open(board(observation));
      return Json.array().add(columns.get(random.nextInt(columns.size())));
    }
  }

  /**
   * Looks four plies ahead (so it takes a win, blocks one, and avoids handing one over) and breaks
   * ties between equally good columns at random.
   */
  static final class Tactical implements HouseBot {
    static final int DEPTH = 4;
    private final SplittableRandom random;

    Tactical(long seed) {
      random = new SplittableRandom(seed);
    }

    @Override
    public JsonNode act(JsonNode observation) {
      Board board = board(observation);
      List<Integer> best = new ArrayList<>();
      int bestScore = Integer.MIN_VALUE;
      for (int column : open(board)) {
        int score = Connect4Search.scoreMove(board, column, 1, DEPTH - 1);
        if (score > bestScore) {
          bestScore = score;
          best.clear();
        }
        if (score == bestScore) {
          best.add(column);
        }
      }
      return Json.array().add(best.get(random.nextInt(best.size())));
    }
  }
}

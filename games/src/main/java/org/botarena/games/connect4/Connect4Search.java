package org.botarena.games.connect4;

/**
 * A shallow negamax with alpha-beta over a {@link Board} from the view of mark 1 (own) against -1.
 * The evaluation counts the four-cell windows each side could still complete, weighting windows
 * closer to completion more, plus a bonus for the centre column.
 */
final class Connect4Search {

  static final int WIN = 1_000_000;
  private static final int[] WINDOW_VALUE = {0, 1, 8, 64, 0};
  private static final int CENTRE_BONUS = 3;

  private Connect4Search() {}

  /**
   * The value of dropping {@code mark} in {@code column} and searching {@code depth} more plies.
   */
  static int scoreMove(Board board, int column, int mark, int depth) {
    return scoreMove(board, column, mark, depth, -Integer.MAX_VALUE, Integer.MAX_VALUE);
  }

  private static int scoreMove(Board board, int column, int mark, int depth, int alpha, int beta) {
    int row = board.drop(column, mark);
    try {
      if (board.connects(row, column)) {
        return WIN + depth; // a quicker win is worth more
      }
      if (board.fullBoard()) {
        return 0;
      }
      return -negamax(board, -mark, depth, -beta, -alpha);
    } finally {
      board.lift(column);
    }
  }

  private static int negamax(Board board, int mark, int depth, int alpha, int beta) {
    if (depth == 0) {
      return mark * evaluate(board);
    }
    int best = -Integer.MAX_VALUE;
    for (int column : order()) {
      if (board.full(column)) {
        continue;
      }
      int value = scoreMove(board, column, mark, depth - 1, alpha, beta);
      best = Math.max(best, value);
      alpha = Math.max(alpha, value);
      if (alpha >= beta) {
        break;
      }
    }
    return best == -Integer.MAX_VALUE ? 0 : best;
  }

  /** Centre columns first: better moves early make alpha-beta cut more. */
  private static int[] order() {
    return new int[] {3, 2, 4, 1, 5, 0, 6};
  }

  /** Positive when the position favours mark 1. */
  static int evaluate(Board board) {
    int score = 0;
    for (int row = 0; row < Board.ROWS; row++) {
      score += CENTRE_BONUS * board.get(row, Board.COLUMNS / 2);
      for (int column = 0; column < Board.COLUMNS; column++) {
        score +=
            window(board, row, column, 0, 1)
                + window(board, row, column, 1, 0)
                + window(board, row, column, 1, 1)
                + window(board, row, column, 1, -1);
      }
    }
    return score;
  }

  private static int window(Board board, int row, int column, int dr, int dc) {
    int endRow = row + dr * (Board.LINE - 1);
    int endColumn = column + dc * (Board.LINE - 1);
    if (endRow >= Board.ROWS || endColumn < 0 || endColumn >= Board.COLUMNS) {
      return 0;
    }
    int own = 0;
    int other = 0;
    for (int i = 0; i < Board.LINE; i++) {
      int cell = board.get(row + dr * i, column + dc * i);
      own += cell == 1 ? 1 : 0;
      other += cell == -1 ? 1 : 0;
    }
    if (own > 0 && other > 0) {
      return 0;
    }
    return WINDOW_VALUE[own] - WINDOW_VALUE[other];
  }
}

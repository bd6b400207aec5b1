package org.botarena.games.connect4;

import java.util.Arrays;

/**
 * A 7 x 6 grid, row 0 at the top; a cell holds 0 (empty) or a player's mark (any other number).
 * Used by the game (marks 1 and 2) and by the house bots (marks 1 own and -1 opponent).
 */
final class Board {

  static final int COLUMNS = 7;
  static final int ROWS = 6;
  static final int CELLS = COLUMNS * ROWS;
  static final int LINE = 4;

  private static final int[][] DIRECTIONS = {{0, 1}, {1, 0}, {1, 1}, {1, -1}};

  private final int[] cells;

  Board() {
    this(new int[CELLS]);
  }

  Board(int[] cells) {
    if (cells.length != CELLS) {
      throw new IllegalArgumentException("a board has " + CELLS + " cells, got " + cells.length);
    }
    this.cells = cells.clone();
  }

  Board copy() {
    return new Board(cells);
  }

  int get(int row, int column) {
    return cells[row * COLUMNS + column];
  }

  int[] cells() {
    return cells.clone();
  }

  boolean full(int column) {
    return cells[column] != 0;
  }

  boolean fullBoard() {
    for (int column = 0; column < COLUMNS; column++) {
      if (!full(column)) {
        return false;
      }
    }
    return true;
  }

  /** Drops {@code mark} into {@code column}; returns the row it landed on. */
  int drop(int column, int mark) {
    for (int row = ROWS - 1; row >= 0; row--) {
      if (cells[row * COLUMNS + column] == 0) {
        cells[row * COLUMNS + column] = mark;
        return row;
      }
    }
    throw new IllegalStateException("column " + column + " is full");
  }

  /** Empties the top cell of {@code column} (undo of {@link #drop}, for the house bots' search). */
  void lift(int column) {
    for (int row = 0; row < ROWS; row++) {
      if (cells[row * COLUMNS + column] != 0) {
        cells[row * COLUMNS + column] = 0;
        return;
      }
    }
  }

  /** Whether the piece at (row, column) is part of a line of four or more. */
  boolean connects(int row, int column) {
    int mark = get(row, column);
    if (mark == 0) {
      return false;
    }
    for (int[] d : DIRECTIONS) {
      int run = 1 + count(row, column, d[0], d[1], mark) + count(row, column, -d[0], -d[1], mark);
      if (run >= LINE) {
        return true;
      }
    }
    return false;
  }

  private int count(int row, int column, int dr, int dc, int mark) {
    int n = 0;
    for (int r = row + dr, c = column + dc;
        r >= 0 && r < ROWS && c >= 0 && c < COLUMNS && get(r, c) == mark;
        r += dr, c += dc) {
      n++;
    }
    return n;
  }

  @Override
  public boolean equals(Object other) {
    return other instanceof Board b && Arrays.equals(cells, b.cells);
  }

  @Override
  public int hashCode() {
    return Arrays.hashCode(cells);
  }
}

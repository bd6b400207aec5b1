package org.botarena.games.connect4;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.games.spi.AbstractGame;
import org.botarena.games.spi.EndReason;
import org.botarena.games.support.OutcomeState;
import org.botarena.protocol.Json;

/** The state and rules of one connect-four game; on the board, spot s's pieces are s + 1. */
final class Connect4Game extends AbstractGame {

  private final int firstSpot;
  private final Board board;
  private int toMove;

  Connect4Game(int firstSpot) {
    this(firstSpot, new Board(), firstSpot);
  }

  private Connect4Game(int firstSpot, Board board, int toMove) {
    super(2);
    this.firstSpot = firstSpot;
    this.board = board;
    this.toMove = toMove;
  }

  @Override
  public List<Integer> playing() {
    return finished() ? List.of() : List.of(toMove);
  }

  /** The 42 cells, top row first: 1 for the spot's own pieces, -1 for the opponent's, 0 empty. */
  @Override
  public JsonNode observation(int spot) {
    ArrayNode cells = Json.array();
    for (int cell : board.cells()) {
      cells.add(cell == 0 ? 0 : cell == spot + 1 ? 1 : -1);
    }
    return cells;
  }

  @Override
  public Optional<String> validate(int spot, JsonNode action) {
    if (finished()) {
      return Optional.of("the game is finished");
    }
    if (spot != toMove) {
      return Optional.of("it is spot " + toMove + "'s turn, not spot " + spot + "'s");
    }
    if (action == null || !action.isArray() || action.size() != 1) {
      return Optional.of("action must be an array of one integer, the column 0..6, e.g. [3]");
    }
    JsonNode column = action.get(0);
    if (!column.isIntegralNumber() || column.asLong() < 0 || column.asLong() >= Board.COLUMNS) {
      return Optional.of(
          "action[0] must be a column 0.." + (Board.COLUMNS - 1) + ", got " + column);
    }
    if (board.full(column.intValue())) {
      return Optional.of("column " + column.intValue() + " is full");
    }
    return Optional.empty();
  }

  /** The leftmost column that is not full, so that a missed deadline still plays a legal move. */
  @Override
  public JsonNode noop(int spot) {
    for (int column = 0; column < Board.COLUMNS; column++) {
      if (!board.full(column)) {
        return Json.array().add(column);
      }
    }
    return Json.array().add(0);
  }

  @Override
  public void apply(Map<Integer, JsonNode> actions) {
    checkActions(actions);
    JsonNode action = actions.get(toMove);
    validate(toMove, action)
        .ifPresent(
            problem -> {
              throw new IllegalArgumentException("spot " + toMove + ": " + problem);
            });
    int column = action.get(0).intValue();
    int row = board.drop(column, toMove + 1);
    steps++;
    if (board.connects(row, column)) {
      end(EndReason.NORMAL, List.of(toMove), scores(toMove));
    } else if (board.fullBoard()) {
      end(EndReason.NORMAL, List.of(), scores());
    }
    toMove = 1 - toMove;
  }

  private static Map<Integer, Double> scores(int winner) {
    return Map.of(winner, 1.0, 1 - winner, 0.0);
  }

  /** Before the end, and for a draw, both spots have 0 (a forfeit gives no point). */
  @Override
  protected Map<Integer, Double> scores() {
    return Map.of(0, 0.0, 1, 0.0);
  }

  @Override
  public ObjectNode stats(int spot) {
    int pieces = 0;
    for (int cell : board.cells()) {
      pieces += cell == spot + 1 ? 1 : 0;
    }
    return Json.object().put("pieces", pieces);
  }

  @Override
  public ObjectNode state() {
    ObjectNode state =
        Json.object().put("first_spot", firstSpot).put("to_move", toMove).put("steps", steps);
    ArrayNode cells = state.putArray("cells");
    for (int cell : board.cells()) {
      cells.add(cell);
    }
    OutcomeState.put(state, finished() ? Optional.of(outcome()) : Optional.empty());
    return state;
  }

  static Connect4Game restore(JsonNode state) {
    int[] cells = new int[Board.CELLS];
    for (int i = 0; i < cells.length; i++) {
      cells[i] = state.get("cells").get(i).intValue();
    }
    Connect4Game game =
        new Connect4Game(
            state.get("first_spot").intValue(), new Board(cells), state.get("to_move").intValue());
    game.steps = state.get("steps").intValue();
    OutcomeState.get(state).ifPresent(game::restoreOutcome);
    return game;
  }
}

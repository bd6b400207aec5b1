package org.botarena.games.spi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One running game. The same interface serves simultaneous games (every spot is in {@link
 * #playing()} each step) and turn-based games (one spot is). Deterministic: the same config, seed
 * and actions always give the same states.
 */
public interface Game {

  /** The spots that must act now, ascending; empty once the game is finished. */
  List<Integer> playing();

  /** What {@code spot} sees now, from its own side; sent to the bot as {@code observation}. */
  JsonNode observation(int spot);

  /**
   * Empty when {@code action} is legal for {@code spot} now, else a sentence saying what is wrong.
   */
  Optional<String> validate(int spot, JsonNode action);

  /** The action applied for a spot that missed its deadline (the timeout policy's no-op). */
  JsonNode noop(int spot);

  /**
   * Advances the game by one step with exactly one valid action for every spot in {@link
   * #playing()}.
   *
   * @throws IllegalArgumentException if a playing spot has no action or an action is invalid
   * @throws IllegalStateException if the game is finished
   */
  void apply(Map<Integer, JsonNode> actions);

  /**
   * Ends the game because {@code spot} forfeits (timeout, invalid action, disconnect): every other
   * spot wins. Does nothing if the game is already finished.
   */
  void forfeit(int spot, EndReason reason);

  /** Steps applied so far. */
  int steps();

  boolean finished();

  /** The outcome; only once {@link #finished()}. */
  Outcome outcome();

  /**
   * Each spot's score now (the outcome's once finished): the learning data's rewards are its
   * changes. A game that keeps no running score may leave this default: scores at the end only.
   */
  default Map<Integer, Double> currentScores() {
    return finished() ? outcome().scores() : Map.of();
  }

  /** Per-spot statistics (e.g. goals, shots), shown on the match page. */
  ObjectNode stats(int spot);

  /** The whole state: {@link GameType#restore} of it gives a game equal to this one. */
  ObjectNode state();
}

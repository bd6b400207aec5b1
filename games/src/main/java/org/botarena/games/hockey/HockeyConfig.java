package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import org.botarena.games.support.ConfigSchema;

/**
 * A hockey match's settings.
 *
 * @param maxSteps steps per round (episode) before it ends without a goal
 * @param rounds rounds (episodes) in the match
 * @param swapSides whether the spots change ends after each round
 * @param keepMode whether a paddle can catch and hold the puck (the course's "keep" mode)
 * @param mode how a round starts: {@code normal}, or the course's training modes {@code shooting}
 *     and {@code defense}
 * @param initialState when present, the 18 numbers every round starts from instead (the course
 *     env's {@code set_state} layout)
 */
record HockeyConfig(
    int maxSteps,
    int rounds,
    boolean swapSides,
    boolean keepMode,
    String mode,
    Optional<double[]> initialState) {

  static final String NORMAL = "normal";
  static final String SHOOTING = "shooting";
  static final String DEFENSE = "defense";
  static final String INITIAL_STATE = "initial_state";
  private static final String MAX_STEPS = "max_steps";

  /**
   * Four times the course's round; with {@link #MAX_ROUNDS} a match stays within
   * GameType.MAX_STEPS.
   */
  static final int MAX_STEPS_PER_ROUND = 1000;

  static final int MAX_ROUNDS = 20;

  /** The keys with a plain schema; {@code max_steps}'s default depends on the mode. */
  private static final ConfigSchema SCHEMA =
      new ConfigSchema()
          .integer(MAX_STEPS, Table.NORMAL_STEPS, 1, MAX_STEPS_PER_ROUND)
          .integer("rounds", 4, 1, MAX_ROUNDS)
          .bool("swap_sides", true)
          .bool("keep_mode", true)
          .choice("mode", NORMAL, List.of(NORMAL, SHOOTING, DEFENSE));

  private static final List<String> KEYS =
      List.of(MAX_STEPS, "rounds", "swap_sides", "keep_mode", "mode", INITIAL_STATE);

  /** Implements {@link HockeyGameType#config}: defaults filled in, bad keys and values rejected. */
  static ObjectNode resolve(JsonNode overrides) {
    if (overrides == null || overrides.isNull() || overrides.isMissingNode()) {
      return SCHEMA.resolve(null);
    }
    if (!overrides.isObject()) {
      throw new IllegalArgumentException("config must be a JSON object, got " + overrides);
    }
    for (Iterator<String> names = overrides.fieldNames(); names.hasNext(); ) {
      String name = names.next();
      if (!KEYS.contains(name)) {
        throw new IllegalArgumentException(
            "unknown config key '" + name + "' (known: " + String.join(", ", KEYS) + ")");
      }
    }
    ObjectNode plain = ((ObjectNode) overrides).deepCopy();
    JsonNode initial = plain.remove(INITIAL_STATE);
    ObjectNode config = SCHEMA.resolve(plain);
    if (!plain.has(MAX_STEPS) && !NORMAL.equals(config.get("mode").textValue())) {
      config.put(MAX_STEPS, Table.TRAINING_STEPS);
    }
    if (initial != null && !initial.isNull()) {
      ArrayNode values = config.putArray(INITIAL_STATE);
      for (double value : InitialState.parse(initial)) {
        values.add(value);
      }
    }
    return config;
  }

  /** A round ends after {@code max_steps} at the latest. */
  static int maxSteps(JsonNode config) {
    return config.get(MAX_STEPS).intValue() * config.get("rounds").intValue();
  }

  static HockeyConfig of(JsonNode config) {
    JsonNode initial = config.get(INITIAL_STATE);
    return new HockeyConfig(
        config.get(MAX_STEPS).intValue(),
        config.get("rounds").intValue(),
        config.get("swap_sides").booleanValue(),
        config.get("keep_mode").booleanValue(),
        config.get("mode").textValue(),
        initial == null ? Optional.empty() : Optional.of(InitialState.parse(initial)));
  }
}

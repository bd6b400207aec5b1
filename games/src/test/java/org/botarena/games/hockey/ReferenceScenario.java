package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.botarena.protocol.Json;

/**
 * One file of test resources {@code hockey-reference/} (generated from the course's environment;
 * see the README there): the scenario's first line and its step lines.
 */
record ReferenceScenario(String name, JsonNode header, List<JsonNode> steps) {

  static final List<String> PADDLE_ONLY =
      List.of(
          "a_coast",
          "a_down_rotneg",
          "a_left_up",
          "a_p2_push",
          "a_push_right",
          "a_push_up",
          "a_rotate_pos");
  static final List<String> FREE_PUCK =
      List.of(
          "b_end_wall_bounce",
          "b_goal_left",
          "b_goal_right",
          "b_slow_drift",
          "b_speed_cap",
          "b_vertical_bounce");
  static final List<String> KEEP_MODE =
      List.of("e_catch_shoot", "e_p2_catch_shoot", "e_preset_hold");

  static ReferenceScenario load(String name) {
    List<JsonNode> lines = lines(name + ".jsonl");
    return new ReferenceScenario(name, lines.get(0), lines.subList(1, lines.size()));
  }

  /** A whole resource file as one JSON document. */
  static JsonNode document(String file) {
    try (InputStream in =
        ReferenceScenario.class.getResourceAsStream("/hockey-reference/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no test resource hockey-reference/" + file);
      }
      return Json.parse(new String(in.readAllBytes(), StandardCharsets.UTF_8));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static List<JsonNode> lines(String file) {
    List<JsonNode> lines = new ArrayList<>();
    try (InputStream in =
        ReferenceScenario.class.getResourceAsStream("/hockey-reference/" + file)) {
      if (in == null) {
        throw new IllegalStateException("no test resource hockey-reference/" + file);
      }
      BufferedReader reader = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        if (!line.isBlank()) {
          lines.add(Json.parse(line));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return lines;
  }

  JsonNode initialState() {
    return header.get("initial_state");
  }

  /** The step's action of player one (0) or player two (1), in that player's own frame. */
  JsonNode action(int step, int player) {
    JsonNode all = header.get("actions").get(step);
    var action = Json.array();
    for (int i = 0; i < 4; i++) {
      action.add(all.get(4 * player + i).doubleValue());
    }
    return action;
  }

  static double[] values(JsonNode array) {
    double[] values = new double[array.size()];
    for (int i = 0; i < values.length; i++) {
      values[i] = array.get(i).doubleValue();
    }
    return values;
  }
}

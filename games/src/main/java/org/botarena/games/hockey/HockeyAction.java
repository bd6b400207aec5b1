package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import org.botarena.protocol.Json;

/** The 4-number action: force x, force y, torque, shoot (> 0.5), each clipped to [-1, 1]. */
final class HockeyAction {

  static final int SIZE = 4;
  static final int SHOOT = 3;
  static final float SHOOT_THRESHOLD = 0.5f;

  private HockeyAction() {}

  static Optional<String> problem(JsonNode action) {
    if (action == null || !action.isArray() || action.size() != SIZE) {
      return Optional.of(
          "action must be an array of 4 numbers [force_x, force_y, torque, shoot], got "
              + (action == null ? "nothing" : abbreviate(action)));
    }
    for (int i = 0; i < SIZE; i++) {
      JsonNode value = action.get(i);
      if (!value.isNumber()) {
        return Optional.of("action[" + i + "] must be a number, got " + abbreviate(value));
      }
      if (!Double.isFinite(value.doubleValue())) {
        return Optional.of("action[" + i + "] must be finite, got " + value.doubleValue());
      }
    }
    return Optional.empty();
  }

  /** The action as floats, clipped to [-1, 1]; call only when {@link #problem} is empty. */
  static float[] parse(JsonNode action) {
    float[] values = new float[SIZE];
    for (int i = 0; i < SIZE; i++) {
      values[i] = (float) Math.max(-1.0, Math.min(1.0, action.get(i).doubleValue()));
    }
    return values;
  }

  static JsonNode none() {
    return Json.array().add(0.0).add(0.0).add(0.0).add(0.0);
  }

  private static String abbreviate(JsonNode node) {
    String text = node.toString();
    return text.length() <= 80 ? text : text.substring(0, 77) + "...";
  }
}

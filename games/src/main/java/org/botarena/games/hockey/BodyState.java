package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.botarena.protocol.Json;
import org.jbox2d.dynamics.Body;

/**
 * Where a body is and how it moves: position of its origin, angle, linear and angular velocity.
 * Saved as six JSON numbers; each float is written as the double it equals, so it reads back to
 * exactly the same float.
 */
final class BodyState {

  float x;
  float y;
  float angle;
  float vx;
  float vy;
  float spin;

  BodyState(float x, float y) {
    this.x = x;
    this.y = y;
  }

  BodyState(BodyState other) {
    x = other.x;
    y = other.y;
    angle = other.angle;
    vx = other.vx;
    vy = other.vy;
    spin = other.spin;
  }

  /** Copies a simulated body's motion into this state. */
  void readFrom(Body body) {
    x = body.getPosition().x;
    y = body.getPosition().y;
    angle = body.getAngle();
    vx = body.getLinearVelocity().x;
    vy = body.getLinearVelocity().y;
    spin = body.getAngularVelocity();
  }

  float speed() {
    return (float) Math.sqrt(vx * vx + vy * vy);
  }

  ArrayNode toJson() {
    return Json.array().add((double) x).add((double) y).add((double) angle)
        .add((double) vx).add((double) vy).add((double) spin);
  }

  static BodyState fromJson(JsonNode json) {
    if (json == null || !json.isArray() || json.size() != 6) {
      throw new IllegalArgumentException("a body is [x, y, angle, vx, vy, spin], got " + json);
    }
    BodyState state = new BodyState((float) json.get(0).doubleValue(), (float) json.get(1).doubleValue());
    state.angle = (float) json.get(2).doubleValue();
    state.vx = (float) json.get(3).doubleValue();
    state.vy = (float) json.get(4).doubleValue();
    state.spin = (float) json.get(5).doubleValue();
    return state;
  }
}

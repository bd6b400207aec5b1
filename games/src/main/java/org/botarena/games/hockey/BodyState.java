package org.botarena.games.hockey;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import org.botarena.protocol.Json;
import org.jbox2d.common.Rot;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;

/**
 * Where a body is and how it moves: position of its origin, angle, linear and angular velocity,
 * and, once it has been simulated, the world position of its centre of mass. Saved as six JSON
 * numbers, or eight with the centre; each float is written as the double it equals, so it reads
 * back to exactly the same float.
 *
 * <p>Why the centre: Box2D moves a body's centre of mass and derives the origin from it after every
 * step (origin = centre - R(angle) x local centre); a world rebuilt from the origin alone derived
 * the centre back and was off by a float's last bit now and then for a paddle (its centre of mass
 * is 0.12 behind its origin), which a scraping contact then amplified. The origin is derived here
 * with Box2D's association of the sums (jbox2d's differs), as the course observes it.
 */
final class BodyState {

  float x;
  float y;
  float angle;
  float vx;
  float vy;
  float spin;

  /** The centre of mass in world coordinates, if known (NaN: derive it from the origin). */
  float cx = Float.NaN;

  float cy = Float.NaN;

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
    cx = other.cx;
    cy = other.cy;
  }

  /** Copies a simulated body's motion into this state. */
  void readFrom(Body body) {
    angle = body.getAngle();
    cx = body.m_sweep.c.x;
    cy = body.m_sweep.c.y;
    Rot rotation = new Rot(angle);
    Vec2 local = body.m_sweep.localCenter;
    // b2Body::SynchronizeTransform: p = c - b2Mul(q, localCenter)
    x = cx - (rotation.c * local.x - rotation.s * local.y);
    y = cy - (rotation.s * local.x + rotation.c * local.y);
    vx = body.getLinearVelocity().x;
    vy = body.getLinearVelocity().y;
    spin = body.getAngularVelocity();
  }

  float speed() {
    return (float) Math.sqrt(vx * vx + vy * vy);
  }

  /**
   * Puts a body just built from this state where a long-lived Box2D world has it: its centre of
   * mass as saved (or, first, b2Body::SetTransform's centre for the origin), and the origin derived
   * from it as b2Body::SynchronizeTransform does.
   */
  void placeCentre(Body body) {
    Rot rotation = new Rot(angle);
    Vec2 local = body.m_sweep.localCenter;
    float centreX = cx;
    float centreY = cy;
    if (Float.isNaN(centreX) || Float.isNaN(centreY)) {
      // b2Mul(xf, localCenter)
      centreX = (rotation.c * local.x - rotation.s * local.y) + x;
      centreY = (rotation.s * local.x + rotation.c * local.y) + y;
    }
    body.m_sweep.c.set(centreX, centreY);
    body.m_sweep.c0.set(centreX, centreY);
    body.m_xf.p.set(
        centreX - (rotation.c * local.x - rotation.s * local.y),
        centreY - (rotation.s * local.x + rotation.c * local.y));
  }

  ArrayNode toJson() {
    ArrayNode json =
        Json.array()
            .add((double) x)
            .add((double) y)
            .add((double) angle)
            .add((double) vx)
            .add((double) vy)
            .add((double) spin);
    if (!Float.isNaN(cx) && !Float.isNaN(cy)) {
      json.add((double) cx).add((double) cy);
    }
    return json;
  }

  static BodyState fromJson(JsonNode json) {
    if (json == null || !json.isArray() || (json.size() != 6 && json.size() != 8)) {
      throw new IllegalArgumentException(
          "a body is [x, y, angle, vx, vy, spin] or [x, y, angle, vx,"
              + " vy, spin, centre x, centre y], got "
              + json);
    }
    BodyState state =
        new BodyState((float) json.get(0).doubleValue(), (float) json.get(1).doubleValue());
    state.angle = (float) json.get(2).doubleValue();
    state.vx = (float) json.get(3).doubleValue();
    state.vy = (float) json.get(4).doubleValue();
    state.spin = (float) json.get(5).doubleValue();
    if (json.size() == 8) {
      state.cx = (float) json.get(6).doubleValue();
      state.cy = (float) json.get(7).doubleValue();
    }
    return state;
  }
}

package org.botarena.games.hockey;

import org.jbox2d.collision.broadphase.DynamicTree;
import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.ContactManager;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * The Box2D world of one game, rebuilt from a {@link TableState} before every step.
 *
 * <p>Why rebuild: a long-lived Box2D world keeps hidden state (cached contacts with their
 * warm-start impulses, the broad-phase tree's shape, sleep timers) that a saved game cannot carry,
 * so a restored game would drift from the original. Rebuilding every step with a fresh broad-phase
 * makes each step a function of the saved numbers alone; reusing this world object (its pools and
 * solver arrays) keeps that cheap.
 */
final class HockeyWorld extends World {

  private static final Shape[] PADDLE_SHAPES = {paddleShape(0), paddleShape(1)};
  private static final Shape PUCK_SHAPE = puckShape();

  final Body[] paddles = new Body[2];
  Body puck;
  final ContactWatch watch = new ContactWatch();

  HockeyWorld() {
    super(new Vec2(0, 0));
    setAllowSleep(false);
  }

  /** Throws away the last step's bodies and contacts and builds the table of {@code table}. */
  void rebuild(TableState table) {
    for (Body body = getBodyList(); body != null; ) {
      Body next = body.getNext();
      destroyBody(body);
      body = next;
    }
    m_contactManager = new ContactManager(this, new DynamicTree());
    setContactListener(watch);
    watch.clear();
    TableWalls.build(this);
    for (int side = 0; side < 2; side++) {
      paddles[side] = body(table.paddles[side], Part.paddle(side), PADDLE_SHAPES[side],
          Table.PADDLE_DENSITY, Table.PADDLE_FRICTION, Table.PADDLE_RESTITUTION);
    }
    puck = body(table.puck, Part.PUCK, PUCK_SHAPE,
        Table.PUCK_DENSITY, Table.PUCK_FRICTION, Table.PUCK_RESTITUTION);
  }

  private Body body(BodyState state, Part part, Shape shape, float density, float friction,
      float restitution) {
    BodyDef def = new BodyDef();
    def.type = BodyType.DYNAMIC;
    def.userData = part;
    def.position.set(state.x, state.y);
    def.angle = state.angle;
    def.linearVelocity.set(state.vx, state.vy);
    def.angularVelocity = state.spin;
    def.allowSleep = false;
    Body body = createBody(def);
    FixtureDef fixture = new FixtureDef();
    fixture.shape = shape;
    fixture.density = density;
    fixture.friction = friction;
    fixture.restitution = restitution;
    body.createFixture(fixture);
    return body;
  }

  /** The 7-point paddle, scaled by 1.2, mirrored in x for side 1, counter-clockwise for Box2D. */
  private static Shape paddleShape(int side) {
    int n = Table.PADDLE_PX.length;
    Vec2[] points = new Vec2[n];
    for (int i = 0; i < n; i++) {
      float x = Table.sign(side) * Table.PADDLE_PX[i][0] * Table.PADDLE_SCALE / Table.SCALE;
      float y = Table.PADDLE_PX[i][1] * Table.PADDLE_SCALE / Table.SCALE;
      points[i] = new Vec2(x, y);
    }
    if (signedArea(points) < 0) {
      for (int i = 0; i < n / 2; i++) {
        Vec2 swap = points[i];
        points[i] = points[n - 1 - i];
        points[n - 1 - i] = swap;
      }
    }
    PolygonShape shape = new PolygonShape();
    shape.set(points, n);
    return shape;
  }

  private static float signedArea(Vec2[] points) {
    float twice = 0;
    for (int i = 0; i < points.length; i++) {
      Vec2 a = points[i];
      Vec2 b = points[(i + 1) % points.length];
      twice += a.x * b.y - b.x * a.y;
    }
    return twice / 2;
  }

  private static Shape puckShape() {
    CircleShape shape = new CircleShape();
    shape.m_radius = Table.PUCK_RADIUS;
    return shape;
  }
}

package org.botarena.games.hockey;

import org.jbox2d.collision.Manifold;
import org.jbox2d.collision.broadphase.DynamicTree;
import org.jbox2d.collision.shapes.CircleShape;
import org.jbox2d.collision.shapes.MassData;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.collision.shapes.Shape;
import org.jbox2d.common.Settings;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.BodyType;
import org.jbox2d.dynamics.ContactManager;
import org.jbox2d.dynamics.Fixture;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.contacts.Contact;

/**
 * The Box2D world of one game, rebuilt from a {@link TableState} before every step.
 *
 * <p>Why rebuild: a long-lived Box2D world keeps hidden state (cached contacts with their
 * warm-start impulses, the broad-phase tree's shape, sleep timers) that a saved game cannot carry,
 * so a restored game would drift from the original. Rebuilding every step with a fresh broad-phase
 * makes each step a function of the saved numbers alone; reusing this world object (its pools and
 * solver arrays) keeps that cheap. The one piece of contact history the rules need, whether the
 * puck already touched a paddle in the last step, is part of the saved state ({@link
 * TableState#touching}).
 *
 * <p>Each body is created at rest and gets its velocities only after its fixture and mass: jbox2d,
 * as Box2D, adds w x (centre of mass - origin) to the velocity when the mass is set, which made a
 * spinning paddle drift sideways.
 */
final class HockeyWorld extends World {

  static {
    // jbox2d's defaults: sine and cosine from a table (errors up to 1e-4, which turned a paddle's
    // contacts with the walls visibly) and an approximate atan2; Box2D computes them exactly
    Settings.SINCOS_LUT_ENABLED = false;
    Settings.FAST_ATAN2 = false;
  }

  private static final PolygonShape[] PADDLE_SHAPES = {paddleShape(0), paddleShape(1)};
  private static final MassData[] PADDLE_MASS = {
    PaddleMass.of(PADDLE_SHAPES[0], Table.PADDLE_DENSITY),
    PaddleMass.of(PADDLE_SHAPES[1], Table.PADDLE_DENSITY)
  };
  private static final Shape PUCK_SHAPE = puckShape();

  /** The puck's mass as Box2D computes it (for the defense mode's opening shot). */
  static final float PUCK_MASS = puckMass();

  final Body[] paddles = new Body[2];
  Body puck;
  final ContactWatch watch = new ContactWatch();

  HockeyWorld() {
    super(new Vec2(0, 0));
    setAllowSleep(false);
    // Box2D scales warm-start impulses by this step's dt over the last one's, 0 in a world's first
    // step: one empty step makes a new world (a restored game's) warm-start as a used one does
    step((float) Table.TIME_STEP, Table.VELOCITY_ITERATIONS, Table.POSITION_ITERATIONS);
  }

  /** Throws away the last step's bodies and contacts and builds the table of {@code table}. */
  void rebuild(TableState table) {
    for (Body body = getBodyList(); body != null; ) {
      Body next = body.getNext();
      destroyBody(body);
      body = next;
    }
    m_contactManager = new EnabledContacts(this, table.impulses);
    setContactListener(watch);
    watch.clear();
    TableWalls.build(this);
    for (int side = 0; side < 2; side++) {
      paddles[side] =
          body(
              table.paddles[side],
              Part.paddle(side),
              fixture(
                  PADDLE_SHAPES[side],
                  Table.PADDLE_DENSITY,
                  Table.PADDLE_FRICTION,
                  Table.PADDLE_RESTITUTION,
                  Table.PADDLE_BITS,
                  Table.PADDLE_MASK),
              PADDLE_MASS[side]);
    }
    puck =
        body(
            table.puck,
            Part.PUCK,
            fixture(
                PUCK_SHAPE,
                Table.PUCK_DENSITY,
                Table.PUCK_FRICTION,
                Table.PUCK_RESTITUTION,
                Table.PUCK_BITS,
                Table.PUCK_MASK),
            null);
    numberFixtures();
    // the contacts now, to put them in a long-lived world's order before the step solves them
    m_contactManager.findNewContacts();
    ContactOrder.newestFirst(this, table.impulses);
  }

  /** Numbers every fixture in the order of the (always the same) build, to name contacts by. */
  private void numberFixtures() {
    int number = 0;
    for (Body body = getBodyList(); body != null; body = body.getNext()) {
      for (Fixture fixture = body.getFixtureList(); fixture != null; fixture = fixture.getNext()) {
        fixture.setUserData(number++);
      }
    }
  }

  /** The warm-start impulses of this step's touching contacts, for the next step's world. */
  ContactImpulses impulses() {
    ContactImpulses impulses = new ContactImpulses();
    for (Contact contact = getContactList(); contact != null; contact = contact.getNext()) {
      Manifold manifold = contact.getManifold();
      if (manifold.pointCount > 0
          && !contact.getFixtureA().isSensor()
          && !contact.getFixtureB().isSensor()) {
        impulses.add(
            (Integer) contact.getFixtureA().getUserData(),
            (Integer) contact.getFixtureB().getUserData(),
            manifold);
      }
    }
    return impulses;
  }

  private Body body(BodyState state, Part part, FixtureDef fixture, MassData mass) {
    BodyDef def = new BodyDef();
    def.type = BodyType.DYNAMIC;
    def.userData = part;
    def.position.set(state.x, state.y);
    def.angle = state.angle;
    def.allowSleep = false;
    Body body = createBody(def);
    body.createFixture(fixture);
    if (mass != null) {
      body.setMassData(mass);
    }
    state.placeCentre(body);
    body.setLinearVelocity(new Vec2(state.vx, state.vy));
    body.setAngularVelocity(state.spin);
    return body;
  }

  private static FixtureDef fixture(
      Shape shape, float density, float friction, float restitution, int category, int mask) {
    FixtureDef fixture = new FixtureDef();
    fixture.shape = shape;
    fixture.density = density;
    fixture.friction = friction;
    fixture.restitution = restitution;
    fixture.filter.categoryBits = category;
    fixture.filter.maskBits = mask;
    return fixture;
  }

  /** The 7-point paddle, scaled by 1.2, mirrored in x for side 1; jbox2d orders the hull. */
  private static PolygonShape paddleShape(int side) {
    int n = Table.PADDLE_PX.length;
    Vec2[] points = new Vec2[n];
    for (int i = 0; i < n; i++) {
      double x = Table.sign(side) * Table.PADDLE_PX[i][0];
      double y = Table.PADDLE_PX[i][1];
      points[i] =
          new Vec2(
              (float) (x / Table.SCALE * Table.PADDLE_SCALE),
              (float) (y / Table.SCALE * Table.PADDLE_SCALE));
    }
    PolygonShape shape = new PolygonShape();
    shape.set(points, n);
    return shape;
  }

  private static float puckMass() {
    MassData data = new MassData();
    PUCK_SHAPE.computeMass(data, Table.PUCK_DENSITY);
    return data.mass;
  }

  private static Shape puckShape() {
    CircleShape shape = new CircleShape();
    shape.m_radius = (float) Table.PUCK_RADIUS;
    return shape;
  }

  /**
   * Creates contacts as a long-lived Box2D 2.3 world would have them. jbox2d 2.2.1.1 creates a
   * contact with no flags, so one found at the end of a step's solve (a puck that will reach a wall
   * within the step) is skipped by that step's time-of-impact pass and the puck sinks into the wall
   * for a step; Box2D 2.3 creates contacts enabled and bounces the puck in the same step. And a
   * contact that touched in the last step gets that step's impulses back, so that the solver starts
   * from them (warm starting) as it would in a world that was never rebuilt: without them a paddle
   * sliding along a wall drifted from the course's by 1e-3 in 60 steps.
   */
  private static final class EnabledContacts extends ContactManager {

    private final ContactImpulses lastStep;

    EnabledContacts(World world, ContactImpulses lastStep) {
      super(world, new DynamicTree());
      this.lastStep = lastStep;
    }

    @Override
    public void addPair(Object proxyA, Object proxyB) {
      Contact before = m_contactList;
      super.addPair(proxyA, proxyB);
      if (m_contactList != before) {
        Contact contact = m_contactList;
        contact.m_flags |= Contact.ENABLED_FLAG;
        lastStep.restore(
            (Integer) contact.getFixtureA().getUserData(),
            (Integer) contact.getFixtureB().getUserData(),
            contact.getManifold());
      }
    }
  }
}

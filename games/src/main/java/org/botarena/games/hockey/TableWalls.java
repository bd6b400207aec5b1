package org.botarena.games.hockey;

import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * The static parts of the table, laid out as in the course environment (and created in its order):
 * the top and bottom walls, the four end walls beside the goal mouths with their slanted post tips,
 * and each goal: a sensor that only the puck touches (a goal) and a solid copy of it that only
 * paddles hit.
 */
final class TableWalls {

  /** The end wall below the left goal mouth, in px around its body (x toward the centre). */
  private static final double[][] POST_PX = {
    {-Table.END_WALL_HALF_THICKNESS_PX, postTop()},
    {Table.END_WALL_HALF_THICKNESS_PX, postTop() - Table.POST_SLANT_PX},
    {Table.END_WALL_HALF_THICKNESS_PX, -Table.POST_FOOT_PX},
    {-Table.END_WALL_HALF_THICKNESS_PX, -Table.POST_FOOT_PX}
  };

  private TableWalls() {}

  /** The post's tip above its body's centre: from y = 0.5 up to the goal mouth. */
  private static double postTop() {
    return (Table.HEIGHT - 2 * Table.SIDE_WALL_Y) / 2 * Table.SCALE - Table.GOAL_HALF_HEIGHT_PX;
  }

  static void build(World world) {
    double top = Table.HEIGHT - Table.SIDE_WALL_Y;
    double bottom = Table.SIDE_WALL_Y;
    double[][] sideWall = box(Table.SIDE_WALL_HALF_LENGTH_PX, Table.SIDE_WALL_HALF_THICKNESS_PX);
    wall(world, Table.CENTRE_X, top, sideWall, 1, 1);
    wall(world, Table.CENTRE_X, bottom, sideWall, 1, 1);
    double left = Table.CENTRE_X - Table.END_WALL_X_PX / Table.SCALE;
    double right = Table.CENTRE_X + Table.END_WALL_X_PX / Table.SCALE;
    wall(world, left, top, POST_PX, 1, -1);
    wall(world, left, bottom, POST_PX, 1, 1);
    wall(world, right, top, POST_PX, -1, -1);
    wall(world, right, bottom, POST_PX, -1, 1);
    double[][] goal = box(Table.GOAL_HALF_WIDTH_PX, Table.GOAL_HALF_HEIGHT_PX);
    for (int side = 0; side < 2; side++) {
      goal(world, Table.CENTRE_X - Table.sign(side) * Table.GOAL_X_PX / Table.SCALE, side, goal);
    }
  }

  private static double[][] box(double halfWidth, double halfHeight) {
    return new double[][] {
      {-halfWidth, halfHeight},
      {-halfWidth, -halfHeight},
      {halfWidth, -halfHeight},
      {halfWidth, halfHeight}
    };
  }

  private static void wall(World world, double x, double y, double[][] px, int flipX, int flipY) {
    Body body = staticBody(world, x, y, Part.WALL);
    FixtureDef fixture = fixture(polygon(px, flipX, flipY), Table.WALL_BITS, Table.WALL_MASK);
    body.createFixture(fixture);
  }

  private static void goal(World world, double x, int side, double[][] px) {
    Body body = staticBody(world, x, Table.CENTRE_Y, Part.goal(side));
    FixtureDef sensor = fixture(polygon(px, 1, 1), Table.GOAL_SENSOR_BITS, Table.GOAL_SENSOR_MASK);
    sensor.isSensor = true;
    body.createFixture(sensor);
    body.createFixture(fixture(polygon(px, 1, 1), Table.GOAL_SOLID_BITS, Table.GOAL_SOLID_MASK));
  }

  private static Body staticBody(World world, double x, double y, Part part) {
    BodyDef def = new BodyDef();
    def.position.set((float) x, (float) y);
    def.userData = part;
    return world.createBody(def);
  }

  private static FixtureDef fixture(PolygonShape shape, int category, int mask) {
    FixtureDef fixture = new FixtureDef();
    fixture.shape = shape;
    fixture.friction = Table.WALL_FRICTION;
    fixture.filter.categoryBits = category;
    fixture.filter.maskBits = mask;
    return fixture;
  }

  /**
   * A polygon from px points, each mirrored as asked; jbox2d orders the hull itself, as Box2D 2.3.
   */
  private static PolygonShape polygon(double[][] px, int flipX, int flipY) {
    Vec2[] points = new Vec2[px.length];
    for (int i = 0; i < px.length; i++) {
      points[i] =
          new Vec2(
              (float) (flipX * px[i][0] / Table.SCALE), (float) (flipY * px[i][1] / Table.SCALE));
    }
    PolygonShape shape = new PolygonShape();
    shape.set(points, points.length);
    return shape;
  }
}

package org.botarena.games.hockey;

import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.BodyDef;
import org.jbox2d.dynamics.FixtureDef;
import org.jbox2d.dynamics.World;

/**
 * The static parts of the table: top and bottom walls, the end walls with the goal mouths between
 * the posts, a goal pocket behind each mouth with a sensor (the puck touching it is a goal) and a
 * back wall.
 */
final class TableWalls {

  private TableWalls() {}

  static void build(World world) {
    float t = Table.WALL_THICKNESS;
    float cx = Table.CENTRE_X;
    float cy = Table.CENTRE_Y;
    box(world, Part.WALL, cx, -t / 2, Table.WIDTH / 2 + t, t / 2, false);
    box(world, Part.WALL, cx, Table.HEIGHT + t / 2, Table.WIDTH / 2 + t, t / 2, false);
    float endHalfWidth = (cx - Table.GOAL_LINE + t) / 2;
    float postHalfHeight = (cy - Table.GOAL_HALF_HEIGHT) / 2;
    for (int side = 0; side < 2; side++) {
      float sign = Table.sign(side);
      // side 0 defends the left end: its walls lie at x < centre
      float endX = cx - sign * (Table.GOAL_LINE + endHalfWidth);
      box(world, Part.WALL, endX, postHalfHeight, endHalfWidth, postHalfHeight, false);
      box(world, Part.WALL, endX, Table.HEIGHT - postHalfHeight, endHalfWidth, postHalfHeight, false);
      float backHalfWidth = (cx - Table.GOAL_BACK + t) / 2;
      box(world, Part.WALL, cx - sign * (Table.GOAL_BACK + backHalfWidth), cy,
          backHalfWidth, Table.GOAL_HALF_HEIGHT, false);
      box(world, Part.goal(side), cx - sign * Table.GOAL_SENSOR_X, cy,
          Table.GOAL_SENSOR_HALF_WIDTH, Table.GOAL_HALF_HEIGHT, true);
    }
  }

  private static void box(World world, Part part, float x, float y, float halfWidth,
      float halfHeight, boolean sensor) {
    BodyDef def = new BodyDef();
    def.position.set(x, y);
    def.userData = part;
    Body body = world.createBody(def);
    PolygonShape shape = new PolygonShape();
    shape.setAsBox(halfWidth, halfHeight);
    FixtureDef fixture = new FixtureDef();
    fixture.shape = shape;
    fixture.friction = Table.WALL_FRICTION;
    fixture.isSensor = sensor;
    body.createFixture(fixture);
  }
}

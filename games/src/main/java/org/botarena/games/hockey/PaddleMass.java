package org.botarena.games.hockey;

import org.jbox2d.collision.shapes.MassData;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;

/**
 * The exact mass, centre of mass and rotational inertia of a polygon, computed in double
 * precision. jbox2d 2.2.1.1's own {@code PolygonShape.computeMass} gives the paddle an inertia
 * 7.5% too high (3.986 about its centre of mass; exact, and Box2D 2.3: 3.709), which made it turn
 * slower than in the course's environment.
 */
final class PaddleMass {

  private PaddleMass() {}

  /** Mass data in jbox2d's convention: the inertia about the body's origin. */
  static MassData of(PolygonShape shape, float density) {
    double area = 0;
    double cx = 0;
    double cy = 0;
    double originInertia = 0;
    int n = shape.m_count;
    for (int i = 0; i < n; i++) {
      Vec2 a = shape.m_vertices[i];
      Vec2 b = shape.m_vertices[(i + 1) % n];
      double cross = (double) a.x * b.y - (double) b.x * a.y;
      area += cross / 2;
      cx += (a.x + (double) b.x) * cross / 6;
      cy += (a.y + (double) b.y) * cross / 6;
      double squares = (double) a.x * a.x + (double) a.x * b.x + (double) b.x * b.x
          + (double) a.y * a.y + (double) a.y * b.y + (double) b.y * b.y;
      originInertia += cross * squares / 12;
    }
    MassData data = new MassData();
    data.mass = (float) (density * area);
    data.center.set((float) (cx / area), (float) (cy / area));
    data.I = (float) (density * originInertia);
    return data;
  }

  /** The inertia about the centre of mass, for checks and documentation. */
  static double centralInertia(MassData data) {
    return data.I - data.mass * ((double) data.center.x * data.center.x
        + (double) data.center.y * data.center.y);
  }
}

package org.botarena.games.hockey;

import org.jbox2d.collision.shapes.MassData;
import org.jbox2d.collision.shapes.PolygonShape;
import org.jbox2d.common.Vec2;

/**
 * A polygon's mass, centre of mass and rotational inertia as Box2D 2.3.0 computes them ({@code
 * b2PolygonShape::ComputeMass}: triangles from the mean of the vertices, in float, in that order),
 * down to the last bit. jbox2d 2.2.1.1's own {@code PolygonShape.computeMass} gives the paddle an
 * inertia 7.5% too high (3.986 about its centre of mass; Box2D 2.3: 3.709), which made it turn
 * slower than in the course's environment; the exact value in double precision, rounded, still
 * differed from Box2D's float sums in the last bit (4.578089 against 4.5780897 about the origin),
 * enough to move a rotating paddle by 1e-6 within 100 steps where Box2D's own rounding matches the
 * course's trajectories exactly for most of those steps (docs/games.md).
 */
final class PaddleMass {

  private PaddleMass() {}

  /** Mass data in jbox2d's convention (as Box2D's): the inertia about the body's origin. */
  static MassData of(PolygonShape shape, float density) {
    int n = shape.m_count;
    // the reference point for the triangles: the vertices' mean
    float sx = 0;
    float sy = 0;
    for (int i = 0; i < n; i++) {
      sx += shape.m_vertices[i].x;
      sy += shape.m_vertices[i].y;
    }
    float inverseCount = 1.0f / n;
    sx *= inverseCount;
    sy *= inverseCount;
    final float third = 1.0f / 3.0f;
    float area = 0;
    float cx = 0;
    float cy = 0;
    float inertia = 0;
    for (int i = 0; i < n; i++) {
      Vec2 a = shape.m_vertices[i];
      Vec2 b = shape.m_vertices[i + 1 < n ? i + 1 : 0];
      float e1x = a.x - sx;
      float e1y = a.y - sy;
      float e2x = b.x - sx;
      float e2y = b.y - sy;
      float d = e1x * e2y - e1y * e2x;
      float triangleArea = 0.5f * d;
      area += triangleArea;
      float weight = triangleArea * third;
      cx += weight * (e1x + e2x);
      cy += weight * (e1y + e2y);
      float intx2 = e1x * e1x + e2x * e1x + e2x * e2x;
      float inty2 = e1y * e1y + e2y * e1y + e2y * e2y;
      inertia += (0.25f * third * d) * (intx2 + inty2);
    }
    MassData data = new MassData();
    data.mass = density * area;
    float inverseArea = 1.0f / area;
    cx *= inverseArea;
    cy *= inverseArea;
    float centerX = cx + sx;
    float centerY = cy + sy;
    // about the reference point, then shifted to the centre of mass and on to the body's origin
    data.I = density * inertia;
    data.I += data.mass * ((centerX * centerX + centerY * centerY) - (cx * cx + cy * cy));
    // b2Body::ResetMassData: the body's centre is its fixtures' mass-weighted centres over the
    // mass, which in float is not always the fixture's centre (jbox2d's setMassData takes it as
    // given; its inertia about the centre then follows from this one, as Box2D's does)
    float inverseMass = 1.0f / data.mass;
    data.center.set(data.mass * centerX * inverseMass, data.mass * centerY * inverseMass);
    return data;
  }

  /** The inertia about the centre of mass, for checks and documentation. */
  static double centralInertia(MassData data) {
    return data.I
        - data.mass
            * ((double) data.center.x * data.center.x + (double) data.center.y * data.center.y);
  }
}

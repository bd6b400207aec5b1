package org.botarena.games.hockey;

/**
 * What a Box2D body is on the table (its user data), with the side it belongs to where it has one.
 */
record Part(Kind kind, int side) {

  enum Kind {
    PADDLE,
    PUCK,
    WALL,
    GOAL
  }

  static final Part PUCK = new Part(Kind.PUCK, -1);
  static final Part WALL = new Part(Kind.WALL, -1);

  static Part paddle(int side) {
    return new Part(Kind.PADDLE, side);
  }

  /** The goal that side {@code side} defends. */
  static Part goal(int side) {
    return new Part(Kind.GOAL, side);
  }
}

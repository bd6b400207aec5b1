package org.botarena.games.hockey;

import org.jbox2d.callbacks.ContactImpulse;
import org.jbox2d.callbacks.ContactListener;
import org.jbox2d.collision.Manifold;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.contacts.Contact;

/**
 * Notes during one Box2D step which paddle the puck touched and whether the puck was then not
 * moving away from it (the keep-puck grab condition, judged at the moment of contact, as the
 * course's contact listener does), and which goal the puck reached.
 */
final class ContactWatch implements ContactListener {

  /** Whether the puck touched each side's paddle at the start of this step. */
  final boolean[] touched = new boolean[2];

  /** Whether it did so while not moving away from that paddle. */
  final boolean[] approaching = new boolean[2];

  /** The side whose goal the puck touched (the last one reported, as in the course), or -1. */
  int goalOf = -1;

  void clear() {
    for (int side = 0; side < 2; side++) {
      touched[side] = false;
      approaching[side] = false;
    }
    goalOf = -1;
  }

  @Override
  public void beginContact(Contact contact) {
    Body a = contact.getFixtureA().getBody();
    Body b = contact.getFixtureB().getBody();
    if (a.getUserData() == Part.PUCK) {
      touched(a, (Part) b.getUserData());
    } else if (b.getUserData() == Part.PUCK) {
      touched(b, (Part) a.getUserData());
    }
  }

  private void touched(Body puck, Part other) {
    if (other.kind() == Part.Kind.GOAL) {
      goalOf = other.side();
    } else if (other.kind() == Part.Kind.PADDLE) {
      double awaySpeed = Table.sign(other.side()) * (double) puck.getLinearVelocity().x;
      touched[other.side()] = true;
      approaching[other.side()] = awaySpeed < Table.KEEP_MAX_AWAY_SPEED;
    }
  }

  @Override
  public void endContact(Contact contact) {}

  @Override
  public void preSolve(Contact contact, Manifold oldManifold) {}

  @Override
  public void postSolve(Contact contact, ContactImpulse impulse) {}
}

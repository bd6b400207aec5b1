package org.botarena.games.hockey;

import org.jbox2d.callbacks.ContactImpulse;
import org.jbox2d.callbacks.ContactListener;
import org.jbox2d.collision.Manifold;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.contacts.Contact;

/**
 * Notes during one Box2D step which paddle touched the puck while the puck was not moving away
 * from it (the keep-puck grab condition, judged at the moment of contact), and which goal the puck
 * reached.
 */
final class ContactWatch implements ContactListener {

  final boolean[] caughtBy = new boolean[2];
  /** The side whose goal the puck touched, or -1. */
  int goalOf = -1;

  void clear() {
    caughtBy[0] = false;
    caughtBy[1] = false;
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
    if (other.kind() == Part.Kind.GOAL && goalOf < 0) {
      goalOf = other.side();
    } else if (other.kind() == Part.Kind.PADDLE) {
      float awaySpeed = Table.sign(other.side()) * puck.getLinearVelocity().x;
      if (awaySpeed < Table.KEEP_MAX_AWAY_SPEED) {
        caughtBy[other.side()] = true;
      }
    }
  }

  @Override
  public void endContact(Contact contact) {}

  @Override
  public void preSolve(Contact contact, Manifold oldManifold) {}

  @Override
  public void postSolve(Contact contact, ContactImpulse impulse) {}
}

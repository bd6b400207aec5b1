package org.botarena.games.hockey;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.jbox2d.dynamics.Body;
import org.jbox2d.dynamics.World;
import org.jbox2d.dynamics.contacts.Contact;
import org.jbox2d.dynamics.contacts.ContactEdge;

/**
 * Puts a rebuilt world's contacts in the order a long-lived Box2D world has them: newest first, in
 * the world's list and in every body's, since Box2D prepends each contact it makes, and its solver
 * visits an island's contacts in that order. A rebuilt world makes all its contacts at once, in the
 * broad-phase's pair order; the last step's touching contacts ({@link ContactImpulses}, saved in
 * list order) say which are older, and one the last step did not have is the newest.
 */
final class ContactOrder {

  private ContactOrder() {}

  static void newestFirst(World world, ContactImpulses lastStep) {
    List<Contact> contacts = new ArrayList<>();
    for (Contact c = world.getContactList(); c != null; c = c.getNext()) {
      contacts.add(c);
    }
    // stable: contacts of the same age keep their order
    contacts.sort(
        Comparator.comparingInt(
            c ->
                lastStep.age(
                    (Integer) c.getFixtureA().getUserData(),
                    (Integer) c.getFixtureB().getUserData())));
    Contact previous = null;
    for (Contact c : contacts) {
      c.m_prev = previous;
      c.m_next = null;
      if (previous != null) {
        previous.m_next = c;
      }
      previous = c;
    }
    world.getContactManager().m_contactList = contacts.isEmpty() ? null : contacts.get(0);
    for (Body body = world.getBodyList(); body != null; body = body.getNext()) {
      List<ContactEdge> edges = new ArrayList<>();
      for (ContactEdge e = body.m_contactList; e != null; e = e.next) {
        edges.add(e);
      }
      edges.sort(Comparator.comparingInt(e -> contacts.indexOf(e.contact)));
      ContactEdge last = null;
      for (ContactEdge e : edges) {
        e.prev = last;
        e.next = null;
        if (last != null) {
          last.next = e;
        }
        last = e;
      }
      body.m_contactList = edges.isEmpty() ? null : edges.get(0);
    }
  }
}

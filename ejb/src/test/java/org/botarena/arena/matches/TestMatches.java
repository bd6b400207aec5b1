package org.botarena.arena.matches;

import jakarta.persistence.EntityManager;
import org.botarena.arena.messaging.Messaging;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestMatches {

  private TestMatches() {}

  public static MatchBooking booking(EntityManager em, Messaging messaging) {
    MatchBooking booking = new MatchBooking();
    booking.em = em;
    booking.messaging = messaging;
    booking.sessions = org.botarena.arena.sessions.TestSessions.registry(em, 1);
    return booking;
  }
}

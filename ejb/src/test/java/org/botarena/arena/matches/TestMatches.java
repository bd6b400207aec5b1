package org.botarena.arena.matches;

import jakarta.persistence.EntityManager;
import org.botarena.arena.messaging.Messaging;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestMatches {

  private TestMatches() {}

  public static MatchBooking booking(EntityManager em, Messaging messaging) {
    return booking(em, messaging, org.botarena.arena.sessions.TestSessions.registry(em, 1));
  }

  /** The booking with the sessions' registry given (its game slots). */
  public static MatchBooking booking(
      EntityManager em, Messaging messaging, org.botarena.arena.sessions.SessionRegistry sessions) {
    MatchBooking booking = new MatchBooking();
    booking.em = em;
    booking.messaging = messaging;
    booking.sessions = sessions;
    return booking;
  }
}

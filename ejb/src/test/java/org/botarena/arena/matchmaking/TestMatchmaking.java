package org.botarena.arena.matchmaking;

import jakarta.persistence.EntityManager;
import org.botarena.arena.infrastructure.Messaging;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestMatchmaking {

  private TestMatchmaking() {}

  public static HouseBotRoster roster(EntityManager em) {
    HouseBotRoster roster = new HouseBotRoster();
    roster.em = em;
    roster.configured = "all";
    return roster;
  }

  public static MatchBooking booking(EntityManager em, Messaging messaging) {
    MatchBooking booking = new MatchBooking();
    booking.em = em;
    booking.messaging = messaging;
    return booking;
  }
}

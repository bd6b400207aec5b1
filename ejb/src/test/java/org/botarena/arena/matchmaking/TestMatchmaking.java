package org.botarena.arena.matchmaking;

import jakarta.persistence.EntityManager;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestMatchmaking {

  private TestMatchmaking() {}

  public static HouseBotRoster roster(EntityManager em) {
    HouseBotRoster roster = new HouseBotRoster();
    roster.em = em;
    return roster;
  }
}

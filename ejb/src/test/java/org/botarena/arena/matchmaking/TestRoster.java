package org.botarena.arena.matchmaking;

import jakarta.persistence.EntityManager;

/** The house bot roster wired to a test EntityManager (its fields are package-private). */
public final class TestRoster {

  private TestRoster() {}

  public static HouseBotRoster of(EntityManager em) {
    HouseBotRoster roster = new HouseBotRoster();
    roster.em = em;
    roster.configured = "all";
    return roster;
  }
}

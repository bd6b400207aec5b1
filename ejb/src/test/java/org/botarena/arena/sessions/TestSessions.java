package org.botarena.arena.sessions;

import jakarta.persistence.EntityManager;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestSessions {

  private TestSessions() {}

  /** The registry with {@code parallelGames} game slots per bot. */
  public static SessionRegistry registry(EntityManager em, int parallelGames) {
    SessionRegistry registry = new SessionRegistry();
    registry.em = em;
    registry.parallelGames = parallelGames;
    return registry;
  }
}

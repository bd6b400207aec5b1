package org.botarena.arena.application;

import jakarta.persistence.EntityManager;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestServices {

  private TestServices() {}

  public static BotDirectory botDirectory(EntityManager em) {
    BotDirectory d = new BotDirectory();
    d.em = em;
    return d;
  }
}

package org.botarena.arena.bots;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestBots {

  private TestBots() {}

  public static BotDirectory botDirectory(EntityManager em) {
    BotDirectory d = new BotDirectory();
    d.em = em;
    return d;
  }

  public static BotService botService(EntityManager em, Event<TokenRevoked> revoked) {
    BotService b = new BotService();
    b.em = em;
    b.revoked = revoked;
    return b;
  }

  public static BotStats botStats(EntityManager em) {
    BotStats s = new BotStats();
    s.em = em;
    return s;
  }
}

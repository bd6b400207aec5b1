package org.botarena.arena.bots;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.botarena.db.Bots;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * Issuing and revoking tokens, for team bots and debug spots alike: the token is returned once and
 * only its SHA-256 and a short hint are stored ({@link Bots#issueToken}, the admin CLI's too).
 */
public final class Tokens {

  private Tokens() {}

  /** A new token of {@code kind} (BOT or DEBUG_SPOT) for the bot row {@code botId}. */
  public static String issue(EntityManager em, long botId, String kind) {
    return jdbc(em, c -> Bots.issueToken(c, botId, kind));
  }

  /**
   * Runs statements the admin command line shares ({@code org.botarena.db}) on this transaction's
   * connection.
   */
  static <T> T jdbc(EntityManager em, ReturningWork<T> work) {
    return em.unwrap(Session.class).doReturningWork(work);
  }

  /**
   * Revokes every live token of the bot row and tells {@code revoked} (a connected bot is cut off
   * once the transaction commits); returns how many there were.
   */
  public static int revokeAll(EntityManager em, Event<TokenRevoked> revoked, long botId) {
    int rows =
        em.createNativeQuery(
                "update tokens set revoked_at = now() where bot_id = ?1 and revoked_at is null")
            .setParameter(1, botId)
            .executeUpdate();
    revoked.fire(new TokenRevoked(botId));
    return rows;
  }
}

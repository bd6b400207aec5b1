package org.botarena.arena.bots;

import jakarta.enterprise.event.Event;
import jakarta.persistence.EntityManager;
import org.botarena.db.Secrets;

/**
 * Issuing and revoking tokens, for team bots and debug spots alike: the token is returned once and
 * only its SHA-256 and a short hint are stored.
 */
public final class Tokens {

  private Tokens() {}

  /** A new token of {@code kind} (BOT or DEBUG_SPOT) for the bot row {@code botId}. */
  public static String issue(EntityManager em, long botId, String kind) {
    String token = Secrets.newToken();
    em.createNativeQuery("insert into tokens (hash, kind, bot_id, hint) values (?1, ?2, ?3, ?4)")
        .setParameter(1, Secrets.tokenHash(token))
        .setParameter(2, kind)
        .setParameter(3, botId)
        .setParameter(4, hint(token))
        .executeUpdate();
    return token;
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

  /** The first characters after the prefix: enough to tell a team's tokens apart. */
  static String hint(String token) {
    return token.substring(Secrets.TOKEN_PREFIX.length(), Secrets.TOKEN_PREFIX.length() + 4);
  }
}

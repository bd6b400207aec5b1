package org.botarena.arena.accounts;

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

  /** Revokes every live token of the bot row; returns how many there were. */
  public static int revokeAll(EntityManager em, long botId) {
    return em.createNativeQuery("update tokens set revoked_at = now() where bot_id = ?1 and revoked_at is null")
        .setParameter(1, botId).executeUpdate();
  }

  /** The first characters after the prefix: enough to tell a team's tokens apart. */
  static String hint(String token) {
    return token.substring(Secrets.TOKEN_PREFIX.length(), Secrets.TOKEN_PREFIX.length() + 4);
  }
}

package org.botarena.arena.bots;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import org.botarena.db.Secrets;

/**
 * Finds the bot a token belongs to: a team's bot, or the stand-in bot of a debug arena's spot (its
 * DEBUG_SPOT token; it plays only the games its arena's team starts by hand).
 */
@Stateless
public class BotDirectory {

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** The living bot of a valid, unrevoked bot or debug-spot token. */
  public Optional<BotIdentity> authenticate(String token) {
    if (token == null || token.isBlank() || token.length() > 200) {
      return Optional.empty();
    }
    List<?> rows =
        em.createNativeQuery(
                "select b.id, b.name, t.name from tokens k join bots b on b.id = k.bot_id join"
                    + " teams t on t.id = b.team_id where k.hash = ?1 and k.kind in ('BOT',"
                    + " 'DEBUG_SPOT') and k.revoked_at is null and b.deleted_at is null")
            .setParameter(1, Secrets.tokenHash(token))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] row = (Object[]) rows.get(0);
    return Optional.of(
        new BotIdentity(((Number) row[0]).longValue(), (String) row[1], (String) row[2]));
  }
}

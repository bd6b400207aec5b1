package org.botarena.arena.portal;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.application.MatchService;

/** The admin page's operations (the same as the admin CLI's), each checked for the admin role. */
@Stateless
public class AdminOperations {

  private static final Logger LOG = Logger.getLogger(AdminOperations.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject MatchService matches;

  /** Every bot back to the initial rating; matches stay. Returns the ratings removed. */
  public int resetRatings(Caller caller) {
    requireAdmin(caller);
    em.createNativeQuery("delete from rating_history").executeUpdate();
    int rows = em.createNativeQuery("delete from ratings").executeUpdate();
    LOG.warning(() -> "admin " + caller.username() + " reset all ratings (" + rows + ")");
    return rows;
  }

  /** Deletes every finished or failed match with its replay, and every rating. Running games go on. */
  public int resetGames(Caller caller) {
    requireAdmin(caller);
    em.createNativeQuery("delete from rating_history").executeUpdate();
    em.createNativeQuery("delete from ratings").executeUpdate();
    int rows = em.createNativeQuery("delete from matches where state in ('FINISHED', 'FAILED')").executeUpdate();
    LOG.warning(() -> "admin " + caller.username() + " deleted all finished matches (" + rows + ")");
    return rows;
  }

  /**
   * Runs a FAILED match again from its seed (attempts counted afresh); a bot that is not online
   * then loses it by disconnect, as in any match.
   */
  public boolean requeueFailed(Caller caller, UUID match) {
    requireAdmin(caller);
    boolean requeued = matches.requeueFailed(match);
    if (requeued) {
      LOG.info(() -> "admin " + caller.username() + " requeued failed match " + match);
    }
    return requeued;
  }

  private static void requireAdmin(Caller caller) {
    if (caller == null || !caller.admin()) {
      throw new AccessDenied("Only admins may do this.");
    }
  }
}

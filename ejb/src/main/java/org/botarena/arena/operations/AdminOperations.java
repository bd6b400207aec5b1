package org.botarena.arena.operations;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.matches.MatchService;
import org.botarena.db.Resets;
import org.hibernate.Session;

/** The admin page's operations (the same as the admin CLI's), each checked for the admin role. */
@Stateless
public class AdminOperations {

  private static final Logger LOG = Logger.getLogger(AdminOperations.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject MatchService matches;

  /**
   * Every bot back to the initial rating; matches stay ({@link Resets#RATINGS}). Returns the
   * ratings removed.
   */
  public int resetRatings(Caller caller) {
    requireAdmin(caller);
    int rows = reset(Resets.RATINGS);
    LOG.warning(() -> "admin " + caller.username() + " reset all ratings (" + rows + ")");
    return rows;
  }

  /**
   * Deletes the finished training and debug matches and every rating ({@link Resets#GAMES}).
   * Running games go on.
   */
  public int resetGames(Caller caller) {
    requireAdmin(caller);
    int rows = reset(Resets.GAMES);
    LOG.warning(
        () -> "admin " + caller.username() + " deleted all finished matches (" + rows + ")");
    return rows;
  }

  /** The same statements as the admin command line's, on this transaction's connection. */
  private int reset(List<String> statements) {
    return em.unwrap(Session.class).doReturningWork(c -> Resets.run(c, statements));
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

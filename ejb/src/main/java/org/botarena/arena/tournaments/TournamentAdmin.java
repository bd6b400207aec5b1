package org.botarena.arena.tournaments;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.db.Tournaments;
import org.hibernate.Session;
import org.hibernate.jdbc.ReturningWork;

/**
 * The admin page's tournament operations: the admin command line's ({@link Tournaments}) on this
 * transaction's connection, each checked for the admin role; a refused input is an {@link
 * AccountException} the page shows.
 */
@Stateless
public class TournamentAdmin {

  private static final Logger LOG = Logger.getLogger(TournamentAdmin.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  public long create(Caller caller, Tournaments.Spec spec) {
    requireAdmin(caller);
    long id = work(c -> Tournaments.create(c, spec));
    LOG.info(() -> "admin " + caller.username() + " created tournament " + spec.name());
    return id;
  }

  /** Enters bots; returns a warning for a large exhaustive tournament, else null. */
  public String enter(Caller caller, String tournament, List<String> bots) {
    requireAdmin(caller);
    String warning = work(c -> Tournaments.enter(c, tournament, bots));
    LOG.info(() -> "admin " + caller.username() + " entered " + bots + " in " + tournament);
    return warning;
  }

  public void withdraw(Caller caller, String tournament, String bot) {
    requireAdmin(caller);
    work(
        c -> {
          Tournaments.withdraw(c, tournament, bot);
          return null;
        });
    LOG.info(() -> "admin " + caller.username() + " withdrew " + bot + " from " + tournament);
  }

  /** Opens it now; false if it was open already. */
  public boolean openNow(Caller caller, String tournament) {
    requireAdmin(caller);
    boolean opened = work(c -> Tournaments.openNow(c, tournament));
    LOG.info(() -> "admin " + caller.username() + " opened " + tournament + ": " + opened);
    return opened;
  }

  /** The names of the entered bots, by name. */
  public List<String> entrants(Caller caller, long tournamentId) {
    requireAdmin(caller);
    return ((List<?>)
            em.createNativeQuery(
                    "select b.name from tournament_entrants e join bots b on b.id = e.bot_id"
                        + " where e.tournament_id = ?1 order by lower(b.name)")
                .setParameter(1, tournamentId)
                .getResultList())
        .stream().map(String::valueOf).toList();
  }

  private <T> T work(ReturningWork<T> work) {
    try {
      return em.unwrap(Session.class).doReturningWork(work);
    } catch (IllegalArgumentException e) {
      throw new AccountException(e.getMessage());
    }
  }

  private static void requireAdmin(Caller caller) {
    if (caller == null || !caller.admin()) {
      throw new AccessDenied("Only admins may do this.");
    }
  }
}

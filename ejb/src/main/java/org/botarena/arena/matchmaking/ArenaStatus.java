package org.botarena.arena.matchmaking;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;

/** The training arena at a glance: bots online, waiting in the queue, games running. */
@Stateless
public class ArenaStatus {

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  public Counts counts() {
    Object[] r =
        (Object[])
            em.createNativeQuery(
                    "select (select count(*) from bot_sessions),"
                        + " (select count(*) from bot_sessions where state = 'QUEUED'),"
                        + " (select count(*) from matches where state = 'RUNNING'),"
                        + " (select count(*) from matches where state = 'QUEUED')")
                .getSingleResult();
    return new Counts(
        ((Number) r[0]).intValue(),
        ((Number) r[1]).intValue(),
        ((Number) r[2]).intValue(),
        ((Number) r[3]).intValue());
  }

  public record Counts(int online, int waiting, int running, int scheduled) {}
}

package org.botarena.arena.matchmaking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.botarena.arena.domain.match.Match;
import org.botarena.arena.domain.match.MatchPlayer;
import org.botarena.arena.domain.match.MatchPlayerId;
import org.botarena.arena.infrastructure.Messaging;

/**
 * Books a match for two bots, in the caller's transaction: the QUEUED match row with its players,
 * the bots marked PLAYING, and the persistent message on the match queue (sent on commit). The
 * training matchmaker and the tournament engine book alike.
 */
@Stateless
public class MatchBooking {

  private static final Logger LOG = Logger.getLogger(MatchBooking.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  Messaging messaging;

  /** Books the match; sides (and so who starts) are random. Returns its id. */
  public UUID book(long arenaId, String gameType, String config, double weight, long first, long second) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    long[] bots = random.nextBoolean() ? new long[] {first, second} : new long[] {second, first};
    UUID id = UUID.randomUUID();
    em.persist(new Match(id, arenaId, gameType, config, random.nextLong(), weight));
    em.flush();
    for (int spot = 0; spot < bots.length; spot++) {
      Object[] bot = (Object[]) em.createNativeQuery(
              "select b.name, s.instance from bots b left join bot_sessions s on s.bot_id = b.id where b.id = ?1")
          .setParameter(1, bots[spot])
          .getSingleResult();
      em.persist(new MatchPlayer(new MatchPlayerId(id, spot), bots[spot], (String) bot[0], (String) bot[1]));
    }
    em.createNativeQuery("update bot_sessions set state = 'PLAYING', waiting_since = null where bot_id in (?1, ?2)")
        .setParameter(1, bots[0])
        .setParameter(2, bots[1])
        .executeUpdate();
    messaging.scheduleMatch(id);
    LOG.fine(() -> "booked match " + id + " for bots " + bots[0] + " and " + bots[1]);
    return id;
  }
}

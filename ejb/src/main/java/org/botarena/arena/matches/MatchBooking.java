package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.botarena.arena.messaging.Messaging;
import org.botarena.arena.sessions.SessionRegistry;

/**
 * Books matches in the caller's transaction: the QUEUED match row with its players and the
 * persistent message on the match queue (sent on commit). The training matchmaker and the
 * tournament engine book two bots and take a game slot of each ({@code GameSlots}), as does an
 * evaluation with its own seed and seats; a debug arena queues its game and leaves the players'
 * sessions as they are.
 */
@Stateless
public class MatchBooking {

  private static final Logger LOG = Logger.getLogger(MatchBooking.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject Messaging messaging;

  @Inject SessionRegistry sessions;

  /** Books the match; sides (and so who starts) are random. Returns its id. */
  public UUID book(
      long arenaId, String gameType, String config, double weight, long first, long second) {
    ThreadLocalRandom random = ThreadLocalRandom.current();
    List<Long> bots = random.nextBoolean() ? List.of(first, second) : List.of(second, first);
    UUID id = queue(arenaId, gameType, config, weight, random.nextLong(), bots);
    sessions.booked(List.of(first, second));
    LOG.fine(() -> "booked match " + id + " for bots " + bots);
    return id;
  }

  /**
   * Books the match with the seed and the seats given (an evaluation's game) and takes a game slot
   * of each bot (a house bot has no session and no slot). Returns its id.
   */
  public UUID bookSeated(long arenaId, String gameType, String config, long seed, List<Long> bots) {
    UUID id = queue(arenaId, gameType, config, 1, seed, bots);
    sessions.booked(bots);
    LOG.fine(() -> "booked match " + id + " for bots " + bots + " from seed " + seed);
    return id;
  }

  /**
   * Queues a match for the bots by spot (each with its name and the instance it is connected to
   * now), without touching their sessions. Returns its id.
   */
  public UUID queue(
      long arenaId,
      String gameType,
      String config,
      double weight,
      long seed,
      List<Long> botsBySpot) {
    UUID id = UUID.randomUUID();
    em.persist(new Match(id, arenaId, gameType, config, seed, weight));
    em.flush();
    for (int spot = 0; spot < botsBySpot.size(); spot++) {
      Object[] bot =
          (Object[])
              em.createNativeQuery(
                      "select b.name, s.instance from bots b left join bot_sessions s on s.bot_id ="
                          + " b.id where b.id = ?1")
                  .setParameter(1, botsBySpot.get(spot))
                  .getSingleResult();
      em.persist(
          new MatchPlayer(
              new MatchPlayerId(id, spot), botsBySpot.get(spot), (String) bot[0], (String) bot[1]));
    }
    messaging.scheduleMatch(id);
    return id;
  }
}

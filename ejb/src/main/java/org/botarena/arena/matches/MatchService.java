package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.latency.StepLatencies;
import org.botarena.arena.messaging.Messaging;
import org.botarena.arena.play.Fork;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.MatchReport;
import org.botarena.arena.play.Seat;
import org.botarena.arena.sessions.SessionRegistry;
import org.botarena.games.spi.EndReason;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.LockOptions;

/**
 * A match's life after scheduling: claimed by a runner, finished, or requeued when its runner died.
 */
@Stateless
public class MatchService {

  private static final Logger LOG = Logger.getLogger(MatchService.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject Messaging messaging;

  @Inject SessionRegistry sessions;

  @Inject StepLatencies latencies;

  @Inject ReplayService replays;

  @Inject
  @ConfigProperty(name = "arena.match.lease-seconds")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "arena.match.max-attempts")
  int maxAttempts;

  /**
   * Claims a queued match for this runner (QUEUED to RUNNING, next attempt, a lease). Empty when
   * another runner has it or it is done: a redelivered message then changes nothing.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public Optional<MatchPlan> claim(UUID matchId, String runner) {
    List<?> claimed =
        em.createNativeQuery(
                "update matches m set state = 'RUNNING', attempt = attempt + 1, instance = ?1,"
                    + " lease_until = now() + make_interval(secs => ?2), started_at = now()"
                    + " where id = ?3 and state = 'QUEUED'"
                    + " returning m.attempt, m.game_type, cast(m.config as text), m.seed,"
                    + " (select a.kind = 'DEBUG' from arenas a where a.id = m.arena_id),"
                    + " m.forked_from, m.forked_at_step")
            .setParameter(1, runner)
            .setParameter(2, leaseSeconds)
            .setParameter(3, matchId)
            .getResultList();
    if (claimed.isEmpty()) {
      return Optional.empty();
    }
    Object[] match = (Object[]) claimed.get(0);
    // each seat with its house bot, or the instance its bot is connected to (none: it will time
    // out)
    List<Seat> seats = new ArrayList<>();
    for (Object o :
        em.createNativeQuery(
                "select p.spot, p.bot_id, p.bot_name, b.house, s.instance from match_players p join"
                    + " bots b on b.id = p.bot_id left join bot_sessions s on s.bot_id = p.bot_id"
                    + " where p.match_id = ?1 order by p.spot")
            .setParameter(1, matchId)
            .getResultList()) {
      Object[] p = (Object[]) o;
      String house = (String) p[3];
      seats.add(
          new Seat(
              ((Number) p[0]).intValue(),
              ((Number) p[1]).longValue(),
              (String) p[2],
              house == null ? (String) p[4] : null,
              house));
    }
    return Optional.of(
        new MatchPlan(
            matchId,
            ((Number) match[0]).intValue(),
            (String) match[1],
            (String) match[2],
            ((Number) match[3]).longValue(),
            seats,
            (Boolean) match[4],
            match[6] == null
                ? null
                : fork(matchId, (UUID) match[5], ((Number) match[6]).intValue())));
  }

  /** A forked game's origin (its replay: null when the origin is gone) and its recorded seats. */
  private Fork fork(UUID matchId, UUID origin, int step) {
    Set<Integer> recorded = new HashSet<>();
    em.createNativeQuery("select spot from match_players where match_id = ?1 and plays_recorded")
        .setParameter(1, matchId)
        .getResultList()
        .forEach(spot -> recorded.add(((Number) spot).intValue()));
    byte[] replay = origin == null ? null : replays.anyReplay(origin).orElse(null);
    return new Fork(origin, step, replay, recorded);
  }

  /**
   * A runner that is full leaves a queued match unclaimed: its message is sent again, delivered
   * after {@code delayMs} to whichever runner takes it then. The match stays QUEUED with its
   * attempt and no lease (nothing of its attempts is used up); its {@code queued_at} starts again,
   * so the leader's {@link #resendUnclaimed} adds no second message while runners pass it on, and
   * sends one a lease later if this one is lost. False (nothing sent) when the match is not queued.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public boolean passOn(UUID matchId, long delayMs) {
    int queued =
        em.createNativeQuery(
                "update matches set queued_at = now() where id = ?1 and state = 'QUEUED'")
            .setParameter(1, matchId)
            .executeUpdate();
    if (queued == 0) {
      return false;
    }
    messaging.scheduleMatch(matchId, delayMs);
    return true;
  }

  /** What became of a runner's report. */
  public enum Stored {
    /** Stored as played. */
    FINISHED,
    /** Stored as dropped (not rated): the runner dropped it, or a player was renamed meanwhile. */
    DROPPED,
    /** Not this runner's attempt any more (the match was requeued): nothing stored. */
    REFUSED
  }

  /**
   * Stores a played match: result, scores, replay, FINISHED, and the message to the result's
   * subscribers, in one transaction. A game called off (a bot gone before it played a step) is
   * stored as ABORTED, which is never rated. A match in which a bot was renamed is dropped: results
   * are kept per name, and this one would belong to neither.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRED)
  public Stored finish(MatchReport report) {
    Match match = em.find(Match.class, report.matchId(), LockModeType.PESSIMISTIC_WRITE);
    if (match == null
        || match.getState() != MatchState.RUNNING
        || match.getAttempt() != report.attempt()
        || !report.runner().equals(match.getInstance())) {
      LOG.warning(
          () ->
              "match "
                  + report.matchId()
                  + " attempt "
                  + report.attempt()
                  + " is no longer this runner's; its result is dropped");
      return Stored.REFUSED;
    }
    String dropCause =
        report.dropped() ? report.dropCause() : renamedDuring(report.matchId()) ? "renamed" : null;
    boolean calledOff = dropCause == null && report.aborted();
    if (dropCause != null) {
      match.finish(EndState.DROPPED, dropCause, report.steps());
    } else if (calledOff) {
      // a bot was gone before it played a step: nobody won, and it is never rated
      match.finish(EndState.ABORTED, EndReason.DISCONNECT.wire(), report.steps());
    } else {
      match.finish(EndState.of(report.outcome()), report.outcome().reason().wire(), report.steps());
    }
    List<Long> bots = new ArrayList<>();
    List<StepLatencies.Player> seats = new ArrayList<>();
    for (MatchPlayer p : players(report.matchId())) {
      seats.add(new StepLatencies.Player(p.getSpot(), p.getBotId(), p.getBotName()));
      String stats = report.stats().getOrDefault(p.getSpot(), "{}");
      if (dropCause != null || calledOff) {
        p.record("aborted", 0.0, stats);
      } else {
        p.record(
            report.outcome().resultFor(p.getSpot()),
            report.outcome().scores().getOrDefault(p.getSpot(), 0.0),
            stats);
      }
      bots.add(p.getBotId());
    }
    em.persist(new ReplayData(report.matchId(), report.replay()));
    if (!report.debug()) {
      // a debug game's step times stay out of the public bot page, as its results do
      latencies.store(report.matchId(), match.getGameType(), seats, report.latency());
    }
    if (!report.debug()) {
      // a debug game never took its bots out of the queue: a training bot playing it is left alone
      requeueBots(bots);
    }
    messaging.publishResult(report.matchId());
    return dropCause == null ? Stored.FINISHED : Stored.DROPPED;
  }

  private boolean renamedDuring(UUID matchId) {
    return ((Number)
                em.createNativeQuery(
                        "select count(*) from match_players p join bots b on b.id = p.bot_id"
                            + " where p.match_id = ?1 and b.name <> p.bot_name")
                    .setParameter(1, matchId)
                    .getSingleResult())
            .intValue()
        > 0;
  }

  /** Keeps this runner's leases alive while its games run. */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public void renewLeases(String runner, Collection<UUID> matches) {
    if (matches.isEmpty()) {
      return;
    }
    em.createNativeQuery(
            "update matches set lease_until = now() + make_interval(secs => ?1)"
                + " where instance = ?2 and state = 'RUNNING' and id in (?3)")
        .setParameter(1, leaseSeconds)
        .setParameter(2, runner)
        .setParameter(3, matches)
        .executeUpdate();
  }

  /**
   * Matches whose runner stopped renewing their lease: re-run from the seed as a new attempt, or
   * FAILED after the last attempt. Returns the requeued ones, whose messages were sent.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<UUID> requeueExpired() {
    List<UUID> requeued = new ArrayList<>();
    List<Match> expired =
        em.createQuery(
                // locked in id order, as a reconnecting bot's games are (SessionRegistry.open)
                "select m from Match m where m.state = :running and m.leaseUntil <"
                    + " current_timestamp order by m.id",
                Match.class)
            .setParameter("running", MatchState.RUNNING)
            .setLockMode(LockModeType.PESSIMISTIC_WRITE)
            // skip locked: a row held by a frozen runner's open transaction is taken next round,
            // instead of holding up the leader's housekeeping
            .setHint("jakarta.persistence.lock.timeout", LockOptions.SKIP_LOCKED)
            .getResultList();
    for (Match m : expired) {
      boolean last = m.getAttempt() >= maxAttempts;
      em.createNativeQuery(
              "update matches set state = ?1, lease_until = null, instance = null, queued_at ="
                  + " now() where id = ?2")
          .setParameter(1, last ? "FAILED" : "QUEUED")
          .setParameter(2, m.getId())
          .executeUpdate();
      if (last) {
        LOG.warning(() -> "match " + m.getId() + " FAILED after " + m.getAttempt() + " attempts");
        requeueBots(players(m.getId()).stream().map(MatchPlayer::getBotId).toList());
      } else {
        messaging.scheduleMatch(m.getId());
        requeued.add(m.getId());
      }
    }
    return requeued;
  }

  /**
   * QUEUED matches that no runner claimed within a lease of being queued: their message is sent
   * again. The row and its message are committed together, but not always: a database connection
   * cut in the middle of the commit can keep the row and lose the message, and a message delivered
   * ten times while the database is away goes to the dead letters. Claims are idempotent, so a
   * match that was only slow to be claimed is run once all the same.
   */
  @TransactionAttribute(TransactionAttributeType.REQUIRES_NEW)
  public List<UUID> resendUnclaimed() {
    List<UUID> unclaimed =
        ((List<?>)
                em.createNativeQuery(
                        "select id from matches where state = 'QUEUED' and queued_at < now() -"
                            + " make_interval(secs => ?1) order by id for update skip locked")
                    .setParameter(1, leaseSeconds)
                    .getResultList())
            .stream().map(UUID.class::cast).toList();
    if (!unclaimed.isEmpty()) {
      em.createNativeQuery("update matches set queued_at = now() where id in (?1)")
          .setParameter(1, unclaimed)
          .executeUpdate();
      unclaimed.forEach(messaging::scheduleMatch);
    }
    return unclaimed;
  }

  /**
   * An admin gives a FAILED match a new run: QUEUED again with its attempts reset, and its message
   * sent. False if the match is not FAILED (e.g. requeued already by a double click).
   */
  public boolean requeueFailed(UUID matchId) {
    int requeued =
        em.createNativeQuery(
                "update matches set state = 'QUEUED', attempt = 0, lease_until = null,"
                    + " instance = null, queued_at = now() where id = ?1 and state = 'FAILED'")
            .setParameter(1, matchId)
            .executeUpdate();
    if (requeued == 0) {
      return false;
    }
    messaging.scheduleMatch(matchId);
    LOG.info(() -> "FAILED match " + matchId + " requeued by an admin");
    return true;
  }

  public List<MatchPlayer> players(UUID matchId) {
    return em.createQuery(
            "select p from MatchPlayer p where p.id.matchId = :id order by p.id.spot",
            MatchPlayer.class)
        .setParameter("id", matchId)
        .getResultList();
  }

  /** Bots that were playing wait for their next match again ({@link SessionRegistry#gameEnded}). */
  private void requeueBots(List<Long> bots) {
    sessions.gameEnded(bots);
  }
}

package org.botarena.arena.matchmaking;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.ejb.ConcurrencyManagement;
import jakarta.ejb.ConcurrencyManagementType;
import jakarta.ejb.Singleton;
import jakarta.ejb.Startup;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.application.MatchService;
import org.botarena.arena.application.RatingService;
import org.botarena.arena.application.SessionRegistry;
import org.botarena.arena.domain.arena.Arena;
import org.botarena.arena.infrastructure.InstanceIdentity;
import org.botarena.arena.retention.ReplayRetention;
import org.botarena.arena.tournament.TournamentEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster's one matchmaker. Every instance runs this loop; only the holder of the leader lock
 * pairs bots, requeues matches of dead runners and forgets dead instances. The leader wakes on
 * notifications (a bot became ready, a game ended) and at least every interval; the others retry
 * the lock every two seconds, so a new leader takes over within seconds of a death.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class Matchmaker {

  private static final Logger LOG = Logger.getLogger(Matchmaker.class.getName());
  private static final int FOLLOWER_RETRY_MS = 2000;
  private static final int HOUSEKEEPING_MS = 5000;
  /** At most this many lost results rated in one housekeeping round, so that matchmaking goes on. */
  private static final int HOUSEKEEPING_BATCH = 50;

  @Resource
  ManagedThreadFactory threads;

  @Inject MatchmakingPass pass;
  @Inject MatchService matches;
  @Inject RatingService ratings;
  @Inject TournamentEngine tournaments;
  @Inject SessionRegistry sessions;
  @Inject InstanceIdentity instance;
  @Inject ReplayRetention retention;

  @Inject @ConfigProperty(name = "arena.db.url") String url;
  @Inject @ConfigProperty(name = "arena.db.user") String user;
  @Inject @ConfigProperty(name = "arena.db.password") String password;
  @Inject @ConfigProperty(name = "arena.training.game") String gameType;
  @Inject @ConfigProperty(name = "arena.matchmaking.interval-ms") int intervalMs;
  @Inject @ConfigProperty(name = "arena.session.stale-seconds") int staleSeconds;
  @Inject @ConfigProperty(name = "arena.match.lease-seconds") int leaseSeconds;
  @Inject @ConfigProperty(name = "arena.retention.enabled") boolean retentionEnabled;

  private volatile boolean running = true;
  private volatile boolean leader;
  private Thread loop;

  @PostConstruct
  void start() {
    loop = threads.newThread(this::lead);
    loop.setName("arena-matchmaker");
    loop.start();
  }

  @PreDestroy
  void stop() {
    running = false;
    loop.interrupt();
  }

  public boolean isLeader() {
    return leader;
  }

  private void lead() {
    long nextHousekeeping = 0;
    Arena arena = null;
    sleepQuietly(FOLLOWER_RETRY_MS); // let the containers finish starting
    try (LeaderLock lock = new LeaderLock(url, user, password, SessionRegistry.MATCHMAKING_CHANNEL,
        instance.id(), staleSeconds)) {
      while (running) {
        try {
          if (!lock.acquire()) {
            becomeLeader(false);
            Thread.sleep(FOLLOWER_RETRY_MS);
            continue;
          }
          becomeLeader(true);
          if (arena == null) {
            arena = pass.trainingArena(gameType);
          }
          if (System.currentTimeMillis() >= nextHousekeeping) {
            housekeeping();
            nextHousekeeping = System.currentTimeMillis() + HOUSEKEEPING_MS;
          }
          pass.run(arena.getId(), gameType, arena.getConfig());
          advanceTournaments();
          if (lock.awaitNotification(intervalMs)) {
            Thread.sleep(20); // let a burst of notifications coalesce into one pass
          }
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          return;
        } catch (RuntimeException e) {
          LOG.log(Level.WARNING, "matchmaking pass failed; retrying", e);
          sleepQuietly(FOLLOWER_RETRY_MS);
        }
      }
    }
  }

  private void housekeeping() {
    int gone = sessions.removeDeadInstances(staleSeconds);
    if (gone > 0) {
      LOG.info(() -> "forgot " + gone + " sessions of instances silent for " + staleSeconds + " s");
    }
    matches.requeueExpired().forEach(id -> LOG.info(() -> "requeued match " + id + " (runner lost)"));
    matches.resendUnclaimed().forEach(id -> LOG.warning(() -> "match " + id + " was not claimed in a lease; its message is sent again"));
    // results whose message was lost: rated here (the rating is once-only, wherever it happens)
    for (UUID id : ratings.unrated(leaseSeconds, HOUSEKEEPING_BATCH)) {
      if (ratings.rate(id)) {
        LOG.warning(() -> "match " + id + " was not rated a lease after it ended (its result message was lost); rated now");
      }
    }
    if (retentionEnabled) {
      sweepReplays();
    }
    int stranded = sessions.requeueStranded();
    if (stranded > 0) {
      LOG.warning(() -> stranded + " bots were PLAYING with no game to play; back in the queue");
    }
  }

  /** One batch a round: a backlog (a first start after months) drains without holding up matchmaking. */
  private void sweepReplays() {
    try {
      ReplayRetention.Sweep swept = retention.sweep(retention.policy(), Instant.now());
      if (swept.dropped() > 0) {
        LOG.info(() -> "retention dropped " + swept.dropped() + " replays (" + swept.bytesFreed() / 1024 + " KiB)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "replay retention failed; retrying next round", e);
    }
  }

  /** Each open tournament as far as it goes now; one that fails does not hold up the others. */
  private void advanceTournaments() {
    for (long id : tournaments.active()) {
      try {
        tournaments.advance(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "tournament " + id + " could not advance; retrying", e);
      }
    }
  }

  private void becomeLeader(boolean now) {
    if (now != leader) {
      leader = now;
      LOG.info(() -> instance.id() + (now ? " leads matchmaking" : " follows"));
    }
  }

  private void sleepQuietly(int millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}

package org.botarena.arena.leader;

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
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.evaluations.EvaluationScheduler;
import org.botarena.arena.matchmaking.MatchmakingPass;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.arena.sessions.InstanceIdentity;
import org.botarena.arena.sessions.SessionRegistry;
import org.botarena.arena.tournaments.TournamentEngine;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The cluster's one leader. Every instance runs this loop; only the holder of the leader lock
 * works: {@link Housekeeping} every few seconds, the running evaluations, a matchmaking pass and
 * the open tournaments each round. The leader wakes on notifications (a bot became ready, a game
 * ended) and at least every interval; the others retry the lock every two seconds, so a new leader
 * takes over within seconds of a death.
 */
@Singleton
@Startup
@ConcurrencyManagement(ConcurrencyManagementType.BEAN)
public class LeaderLoop {

  private static final Logger LOG = Logger.getLogger(LeaderLoop.class.getName());
  private static final int FOLLOWER_RETRY_MS = 2000;
  private static final int HOUSEKEEPING_MS = 5000;

  @Resource ManagedThreadFactory threads;

  @Inject MatchmakingPass pass;
  @Inject TournamentEngine tournaments;
  @Inject Housekeeping housekeeping;
  @Inject EvaluationScheduler evaluations;
  @Inject InstanceIdentity instance;

  @Inject
  @ConfigProperty(name = "arena.db.url")
  String url;

  @Inject
  @ConfigProperty(name = "arena.db.user")
  String user;

  @Inject
  @ConfigProperty(name = "arena.db.password")
  String password;

  @Inject TrainingGames trainingGames;

  @Inject
  @ConfigProperty(name = "arena.session.stale-seconds")
  int staleSeconds;

  /** Enough for keep-waiting-passes' largest value (ArenaSettings). */
  private static final int PASSES_REMEMBERED = 10;

  /**
   * Each arena's latest passes' starts, latest first: the kept share holds a bot through a bounded
   * number of passes (a new leader starts with none, so may hold a bot one pass longer).
   */
  private final Map<String, Deque<Instant>> passStarts = new HashMap<>();

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
    // each training arena's next pass is due at the latest (its own interval, read at each pass)
    Map<String, Long> due = new HashMap<>();
    boolean woken = true;
    sleepQuietly(FOLLOWER_RETRY_MS); // let the containers finish starting
    try (LeaderLock lock =
        new LeaderLock(
            url,
            user,
            password,
            SessionRegistry.MATCHMAKING_CHANNEL,
            instance.id(),
            staleSeconds)) {
      while (running) {
        try {
          if (!lock.acquire()) {
            becomeLeader(false);
            Thread.sleep(FOLLOWER_RETRY_MS);
            continue;
          }
          becomeLeader(true);
          if (System.currentTimeMillis() >= nextHousekeeping) {
            housekeeping.run();
            nextHousekeeping = System.currentTimeMillis() + HOUSEKEEPING_MS;
          }
          advanceEvaluations();
          matchmaking(due, woken);
          advanceTournaments();
          long wait = nextHousekeeping - System.currentTimeMillis();
          for (long at : due.values()) {
            wait = Math.min(wait, at - System.currentTimeMillis());
          }
          woken = lock.awaitNotification((int) Math.max(1, wait));
          if (woken) {
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

  /**
   * A pass over each training arena that is due (its interval passed) or over all of them after a
   * notification (a bot became ready, a game ended, an admin changed an arena). One arena that
   * fails (a bad stored setting, say) does not hold up the others.
   */
  private void matchmaking(Map<String, Long> due, boolean woken) {
    long now = System.currentTimeMillis();
    for (String game : trainingGames.all()) {
      if (!woken && due.getOrDefault(game, 0L) > now) {
        continue;
      }
      try {
        Instant start = Instant.now();
        Deque<Instant> earlier = passStarts.computeIfAbsent(game, g -> new ArrayDeque<>());
        MatchmakingPass.Outcome outcome = pass.run(game, List.copyOf(earlier));
        due.put(game, System.currentTimeMillis() + nextPassInMs(outcome));
        earlier.addFirst(start);
        if (earlier.size() > PASSES_REMEMBERED) {
          earlier.removeLast();
        }
      } catch (RuntimeException e) {
        due.put(game, System.currentTimeMillis() + FOLLOWER_RETRY_MS);
        LOG.log(Level.WARNING, "matchmaking pass of " + game + "'s arena failed; retrying", e);
      }
    }
  }

  /**
   * An arena's interval when its pass left bots waiting (their waiting bonus grows, house bots fill
   * in after a while); when it left nobody waiting, a pass before the next notification could only
   * find nobody, so the arena rests up to {@link #IDLE_PASS_MS} (a bot that queues, a game that
   * ends and an arena's settings changed all notify). With a 10 ms interval the passes that found
   * nobody were most of PostgreSQL's CPU at 2 bots (docs/benchmarks.md).
   */
  static int nextPassInMs(MatchmakingPass.Outcome outcome) {
    return outcome.leftWaiting() > 0
        ? outcome.intervalMs()
        : Math.max(outcome.intervalMs(), IDLE_PASS_MS);
  }

  /** The longest an arena whose last pass left nobody waiting goes without a pass. */
  static final int IDLE_PASS_MS = 1000;

  /**
   * The running evaluations' next games, before the training arenas' passes: a bot that waits for a
   * game plays its team's evaluation first. One that fails does not hold up the others.
   */
  private void advanceEvaluations() {
    for (long id : evaluations.running()) {
      try {
        evaluations.advance(id);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "evaluation " + id + " could not advance; retrying", e);
      }
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

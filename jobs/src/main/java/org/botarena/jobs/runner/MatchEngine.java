package org.botarena.jobs.runner;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.matches.MatchService;
import org.botarena.arena.platform.NamedThreads;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.LocalEndpoints;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.MatchReport;
import org.botarena.arena.play.RunnerInbox;
import org.botarena.arena.play.RunnerStatus;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.arena.sessions.InstanceIdentity;
import org.botarena.games.Games;
import org.botarena.games.referee.StepRules;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Counter;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;
import org.eclipse.microprofile.metrics.Timer;

/**
 * This instance's match runner: the games it plays, each driven by events on its timer threads
 * (hundreds of games wait on bots at once; none holds a thread while waiting).
 *
 * <p>What blocks gets threads of its own ({@link NamedThreads}): storing a result (a database and
 * broker transaction) and renewing the leases. On the server's one-thread default executor, a
 * commit that hung for a minute while the broker restarted held every deadline, start and lease of
 * the instance with it, and its matches were requeued three times and FAILED.
 */
@ApplicationScoped
public class MatchEngine implements RunnerInbox, RunnerStatus, GameHost {

  private static final Logger LOG = Logger.getLogger(MatchEngine.class.getName());

  /**
   * Results are stored one at a time, as on the default executor before: four store threads at once
   * took CPU from the sockets' threads on two cores (step turnaround p50 4 to 16 ms, fewer
   * matches).
   */
  private static final int STORE_THREADS = 1;

  @Resource ManagedThreadFactory threads;

  @Inject BotIo io;
  @Inject MatchService matches;
  @Inject InstanceIdentity instance;
  @Inject LocalEndpoints endpoints;

  @Inject
  @ConfigProperty(name = "arena.step.deadline-ms")
  int deadlineMs;

  @Inject
  @ConfigProperty(name = "arena.step.max-timeouts")
  int maxTimeouts;

  @Inject
  @ConfigProperty(name = "arena.match.lease-seconds")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "arena.match.max-duration-seconds")
  int maxDurationSeconds;

  /**
   * A bot whose connection dropped has this long to come back, on any instance, before it forfeits.
   */
  @Inject
  @ConfigProperty(name = "arena.match.reconnect-grace-seconds", defaultValue = "10")
  int reconnectGraceSeconds;

  /** Debug games are held and stepped by hand: they may last longer. */
  @Inject
  @ConfigProperty(name = "arena.debug.max-duration-seconds")
  int debugMaxDurationSeconds;

  /**
   * Games this instance runs at once, at most: a full instance passes further matches on (to the
   * queue, for another instance) instead of claiming them.
   */
  @Inject
  @ConfigProperty(name = "arena.runner.max-games", defaultValue = "500")
  int maxGames;

  /** How long a passed-on match waits in the broker before it is offered again. */
  @Inject
  @ConfigProperty(name = "arena.runner.pass-on-delay-ms", defaultValue = "1000")
  long passOnDelayMs;

  @Inject MetricRegistry metrics;

  private final Map<String, RunningGame> games = new ConcurrentHashMap<>();
  private final AtomicLong played = new AtomicLong();

  /**
   * Places taken: the games running, and the claims under way (taken before a claim, so two at once
   * count).
   */
  private final AtomicInteger places = new AtomicInteger();

  private Timer stepLatency;
  private Counter matchesPlayed;

  /** Stores results, retrying with a back-off. */
  private ScheduledExecutorService storing;

  /**
   * Step deadlines, game starts and the reconnect graces: short tasks that never block. Two
   * threads, so that a slow one (a frame to another instance through the broker) holds up no
   * deadline of the others.
   */
  private ScheduledExecutorService timers;

  /** Renews leases and drops games that ran over time; alone, so that no store holds it up. */
  private ScheduledExecutorService leases;

  void startup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    endpoints.register(this);
    stepLatency =
        metrics.timer(
            Metadata.builder()
                .withName("arena.step.latency")
                .withDescription(
                    "a step's round trip: from sending it to its bot's action arriving")
                .build());
    metrics.gauge(
        Metadata.builder()
            .withName("arena.games.running")
            .withDescription("games this instance is running")
            .build(),
        games,
        Map::size);
    matchesPlayed =
        metrics.counter(
            Metadata.builder()
                .withName("arena.matches.played")
                .withDescription("matches this instance played and stored")
                .build());
    storing = NamedThreads.executor(threads, "arena-store", STORE_THREADS);
    timers = NamedThreads.executor(threads, "arena-step-timers", 2);
    leases = NamedThreads.executor(threads, "arena-leases", 1);
    long period = Math.max(1, leaseSeconds / 3);
    leases.scheduleAtFixedRate(this::renewLeases, period, period, TimeUnit.SECONDS);
  }

  @PreDestroy
  void shutdown() {
    // games still running are re-run elsewhere when their leases run out
    if (leases != null) {
      leases.shutdownNow();
    }
    if (storing != null) {
      storing.shutdownNow();
    }
    if (timers != null) {
      timers.shutdownNow();
    }
  }

  /**
   * Takes a place for a match about to be claimed; false when {@link #maxGames} are taken. A place
   * taken is given back by {@link #giveBack} (the claim found nothing) or kept by the game {@link
   * #start started} with it until it is stored.
   */
  public boolean takePlace() {
    return places.getAndUpdate(n -> n < maxGames ? n + 1 : n) < maxGames;
  }

  public void giveBack() {
    places.decrementAndGet();
  }

  public long passOnDelayMs() {
    return passOnDelayMs;
  }

  /** Starts playing a claimed match, in a place {@link #takePlace taken} for it. */
  public void start(MatchPlan plan) {
    RunningGame game;
    try {
      game =
          new RunningGame(
              plan,
              Games.type(plan.gameType()),
              new StepRules(deadlineMs, maxTimeouts),
              this,
              reconnectGraceSeconds * 1000L);
    } catch (RuntimeException e) {
      giveBack(); // not played here: its lease runs out and the leader requeues or fails it
      throw e;
    }
    games.put(game.id(), game);
    timers.execute(
        () -> {
          try {
            game.begin();
          } catch (RuntimeException e) {
            LOG.log(Level.SEVERE, "match " + game.id() + " could not start", e);
          }
        });
  }

  @Override
  public void receive(ToRunner message) {
    RunningGame game = games.get(message.game());
    if (game != null) {
      game.receive(message);
    } else if (message.kind() == ToRunner.Kind.ACTION) {
      send(
          message.gateway(),
          message.botId(),
          message.game(),
          ToBot.Kind.ERROR,
          new Frame.Error(
                  ErrorCode.STALE_ACTION,
                  "game " + message.game() + " is not running",
                  message.game())
              .json());
    }
  }

  @Override
  public void send(String gateway, long botId, String game, ToBot.Kind kind, String frame) {
    if (gateway != null) {
      io.toBot(gateway, new ToBot(botId, game, instance.id(), kind, frame));
    }
  }

  @Override
  public void stepAnswered(long nanos) {
    stepLatency.update(Duration.ofNanos(nanos));
  }

  @Override
  public Future<?> schedule(Runnable task, long millis) {
    return timers.schedule(task, millis, TimeUnit.MILLISECONDS);
  }

  @Override
  public void finished(RunningGame game) {
    // storing takes a transaction: off the event's thread, which may be a socket's or a timer's
    storing.execute(() -> store(game, 1));
  }

  private void store(RunningGame game, int attempt) {
    try {
      MatchReport report = MatchReports.of(game, instance.id());
      MatchService.Stored stored = matches.finish(report);
      if (stored != MatchService.Stored.REFUSED) {
        played.incrementAndGet();
        matchesPlayed.inc();
        game.announceEnd(stored == MatchService.Stored.DROPPED);
      }
      forget(game);
    } catch (RuntimeException e) {
      if (attempt < 5) {
        LOG.log(Level.WARNING, "storing match " + game.id() + " failed; retrying", e);
        storing.schedule(() -> store(game, attempt + 1), 1L << attempt, TimeUnit.SECONDS);
      } else {
        // the lease runs out and the leader requeues the match: it is re-run, not lost
        LOG.log(Level.SEVERE, "giving up storing match " + game.id(), e);
        forget(game);
      }
    }
  }

  private void forget(RunningGame game) {
    if (games.remove(game.id()) != null) {
      giveBack();
    }
  }

  private void renewLeases() {
    long now = System.currentTimeMillis();
    for (RunningGame game : games.values()) {
      int limit = game.plan().debug() ? debugMaxDurationSeconds : maxDurationSeconds;
      if (game.dropIfOlderThan(limit * 1000L, now)) {
        LOG.info(() -> "match " + game.id() + " dropped: it ran over " + limit + " s");
      }
    }
    try {
      matches.renewLeases(instance.id(), games.keySet().stream().map(UUID::fromString).toList());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "could not renew match leases", e);
    }
  }

  @Override
  public int running() {
    return games.size();
  }

  @Override
  public long played() {
    return played.get();
  }
}

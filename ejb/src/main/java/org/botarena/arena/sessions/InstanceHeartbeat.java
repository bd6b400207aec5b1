package org.botarena.arena.sessions;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.platform.NamedThreads;
import org.botarena.arena.play.LocalEndpoints;

/**
 * Tells the cluster every few seconds that this instance and its bots' sessions are alive, on a
 * thread of its own: with the database away the call waits, and nothing else should wait with it.
 */
@ApplicationScoped
public class InstanceHeartbeat {

  private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class.getName());
  private static final int PERIOD_SECONDS = 5;

  @Resource ManagedThreadFactory threads;
  @Inject SessionRegistry sessions;
  @Inject InstanceIdentity instance;
  @Inject LocalEndpoints endpoints;

  /**
   * Whether a heartbeat got through already: the first finds the instance unknown, as it should.
   */
  private volatile boolean beaten;

  private ScheduledExecutorService beat;

  /**
   * Once, at the first start event: in an EAR the start events of other modules can reach this bean
   * too (websocket's GatewayStartup tells how), and one heartbeat thread is enough.
   */
  synchronized void startup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    if (beat != null) {
      return;
    }
    beat = NamedThreads.executor(threads, "arena-heartbeat", 1);
    beat.scheduleAtFixedRate(this::beat, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void beat() {
    try {
      SessionRegistry.Beat beat = sessions.heartbeat(instance.id());
      if (beaten) {
        // a connection here whose session is gone would never be paired again: the leader took
        // this instance for dead (no heartbeat for too long) and dropped its bots' sessions, or a
        // stale connection of the same bot took the row back while they were restored
        endpoints.gateway().restoreLostSessions(beat.sessions());
      }
      beaten = true;
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat failed (database down?)", e);
    }
  }

  @PreDestroy
  void stop() {
    if (beat != null) {
      beat.shutdownNow();
    }
  }
}

package org.botarena.jobs.runner;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.application.SessionRegistry;
import org.botarena.arena.infrastructure.InstanceIdentity;

/** Tells the cluster every few seconds that this instance and its bots' sessions are alive. */
@ApplicationScoped
public class InstanceHeartbeat {

  private static final Logger LOG = Logger.getLogger(InstanceHeartbeat.class.getName());
  private static final int PERIOD_SECONDS = 5;

  @Resource ManagedScheduledExecutorService executor;
  @Inject SessionRegistry sessions;
  @Inject InstanceIdentity instance;

  private ScheduledFuture<?> beat;

  void startup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    beat = executor.scheduleAtFixedRate(this::beat, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
  }

  private void beat() {
    try {
      sessions.heartbeat(instance.id());
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "heartbeat failed (database down?)", e);
    }
  }

  @PreDestroy
  void stop() {
    if (beat != null) {
      beat.cancel(false);
    }
  }
}

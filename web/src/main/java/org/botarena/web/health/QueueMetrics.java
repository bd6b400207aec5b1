package org.botarena.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.Initialized;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.botarena.arena.messaging.BrokerQueues;
import org.botarena.arena.platform.Resources;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The match queue's depth and the dead letters, asked of the broker at each scrape. */
@ApplicationScoped
public class QueueMetrics {

  @Inject MetricRegistry metrics;
  @Inject BrokerQueues broker;

  void startup(@Observes @Initialized(ApplicationScoped.class) Object ignored) {
    broker.ready(); // the broker client is created here, in the application's context
    metrics.gauge(
        Metadata.builder()
            .withName("arena.queue.depth")
            .withDescription("matches waiting in the broker's match queue (-1: broker unreachable)")
            .build(),
        broker,
        b -> safely(b, Resources.MATCHES_QUEUE));
    metrics.gauge(
        Metadata.builder()
            .withName("arena.queue.dead.letters")
            .withDescription("messages in the broker's dead-letter queue (-1: broker unreachable)")
            .build(),
        broker,
        b -> safely(b, "DLQ"));
  }

  private static long safely(BrokerQueues broker, String queue) {
    try {
      return broker.depth(queue);
    } catch (RuntimeException e) {
      return -1;
    }
  }
}

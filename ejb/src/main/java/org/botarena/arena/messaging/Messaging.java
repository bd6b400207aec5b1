package org.botarena.arena.messaging;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSConnectionFactory;
import jakarta.jms.JMSContext;
import java.util.UUID;
import org.botarena.arena.platform.Resources;

/**
 * The persistent messages of the match flow. Sent inside the caller's JTA transaction: a match row
 * never exists without its message, nor a result without its rating message.
 */
@ApplicationScoped
public class Messaging {

  @Inject
  @JMSConnectionFactory(Resources.CONNECTION_FACTORY)
  JMSContext jms;

  /** Asks some runner to play the match. */
  public void scheduleMatch(UUID matchId) {
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .send(Destinations.queue(jms, Resources.MATCHES_QUEUE), matchId.toString());
  }

  /**
   * Asks again after {@code delayMs} (the broker holds the message until then): a full runner
   * leaves the match to another one, or to itself once it has room.
   */
  public void scheduleMatch(UUID matchId, long delayMs) {
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .setDeliveryDelay(delayMs)
        .send(Destinations.queue(jms, Resources.MATCHES_QUEUE), matchId.toString());
  }

  /** Tells the result's subscribers (ratings, tournaments, watchers) that a match finished. */
  public void publishResult(UUID matchId) {
    jms.createProducer()
        .setDeliveryMode(DeliveryMode.PERSISTENT)
        .send(Destinations.topic(jms, Resources.RESULTS_TOPIC), matchId.toString());
  }
}

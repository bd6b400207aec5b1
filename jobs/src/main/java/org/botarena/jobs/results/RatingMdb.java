package org.botarena.jobs.results;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.UUID;
import org.botarena.arena.ratings.RatingService;

/**
 * Rates finished matches from topic {@code arena.results}. The subscription is durable and shared
 * by all instances, so each result is delivered to one of them; the rating service's guard makes a
 * redelivery harmless. Runs in the message's transaction: a failure is redelivered.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "arena.results"),
      @ActivationConfigProperty(propertyName = "subscriptionDurability", propertyValue = "Durable"),
      @ActivationConfigProperty(propertyName = "subscriptionName", propertyValue = "arena-ratings"),
      @ActivationConfigProperty(propertyName = "shareSubscriptions", propertyValue = "true"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "2"),
      @ActivationConfigProperty(
          propertyName = "connectorClassName",
          propertyValue =
              "org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory"),
      @ActivationConfigProperty(
          propertyName = "connectionParameters",
          propertyValue = "${MPCONFIG=arena.broker.connection-parameters}"),
      @ActivationConfigProperty(
          propertyName = "user",
          propertyValue = "${MPCONFIG=arena.broker.user}"),
      @ActivationConfigProperty(
          propertyName = "password",
          propertyValue = "${MPCONFIG=arena.broker.password}")
    })
public class RatingMdb implements MessageListener {

  @Inject RatingService ratings;

  @Override
  public void onMessage(Message message) {
    try {
      ratings.rate(UUID.fromString(((TextMessage) message).getText().trim()));
    } catch (JMSException e) {
      throw new IllegalStateException("unreadable result message", e);
    }
  }
}

package org.botarena.jobs.io;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.play.LocalEndpoints;

/**
 * Receives the bot I/O addressed to this instance (non-durable subscription of topic {@code
 * arena.io}, selecting on this instance's id). One session keeps each game's frames in order.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Topic"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "arena.io"),
      @ActivationConfigProperty(
          propertyName = "subscriptionDurability",
          propertyValue = "NonDurable"),
      @ActivationConfigProperty(
          propertyName = "messageSelector",
          propertyValue = "${MPCONFIG=arena.io.selector}"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "1"),
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
@TransactionAttribute(TransactionAttributeType.NOT_SUPPORTED)
public class IoMdb implements MessageListener {

  private static final Logger LOG = Logger.getLogger(IoMdb.class.getName());

  @Inject LocalEndpoints local;
  @Inject IoCounters counters;

  @Override
  public void onMessage(Message message) {
    try {
      TextMessage text = (TextMessage) message;
      counters.countReceived();
      if (IoMessages.toBot(text)) {
        local.gateway().deliver(IoMessages.toBotOf(text));
      } else {
        local.runner().receive(IoMessages.toRunnerOf(text));
      }
    } catch (JMSException | RuntimeException e) {
      // never redeliver step traffic: it would arrive late and be stale anyway
      LOG.log(Level.WARNING, "dropped a malformed bot I/O message", e);
    }
  }
}

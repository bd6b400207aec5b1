package org.botarena.jobs.io;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.DeliveryMode;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.messaging.Destinations;
import org.botarena.arena.platform.Resources;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.LocalEndpoints;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.arena.sessions.InstanceIdentity;

/**
 * Bot I/O: direct calls when the other end is on this instance, otherwise a non-persistent message
 * on topic {@code arena.io} addressed to the other instance (its subscription selects on {@code
 * instance}). Step traffic is worthless once late, so it is never persisted.
 */
@ApplicationScoped
public class JmsBotIo implements BotIo {

  private static final Logger LOG = Logger.getLogger(JmsBotIo.class.getName());

  /** A step is stale long before this; expired messages are dropped rather than delivered late. */
  private static final long TIME_TO_LIVE_MS = 60_000;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory factory;

  @Inject LocalEndpoints local;
  @Inject InstanceIdentity me;
  @Inject IoCounters counters;

  @Override
  public void toBot(String gatewayInstance, ToBot message) {
    if (me.isMe(gatewayInstance)) {
      counters.countLocal();
      local.gateway().deliver(message);
    } else {
      send(gatewayInstance, jms -> IoMessages.of(jms, gatewayInstance, message));
    }
  }

  @Override
  public void toRunner(String runnerInstance, ToRunner message) {
    if (me.isMe(runnerInstance)) {
      counters.countLocal();
      local.runner().receive(message);
    } else {
      send(runnerInstance, jms -> IoMessages.of(jms, runnerInstance, message));
    }
  }

  private interface MessageMaker {
    Message make(JMSContext jms) throws JMSException;
  }

  private void send(String instance, MessageMaker maker) {
    try (JMSContext jms = factory.createContext()) {
      jms.createProducer()
          .setDeliveryMode(DeliveryMode.NON_PERSISTENT)
          .setTimeToLive(TIME_TO_LIVE_MS)
          .send(Destinations.topic(jms, Resources.IO_TOPIC), maker.make(jms));
      counters.countSent();
    } catch (JMSException | RuntimeException e) {
      // the game's deadline handles a lost message like a silent bot
      LOG.log(Level.WARNING, "could not send bot I/O to instance " + instance, e);
    }
  }
}

package org.botarena.jobs.runner;

import jakarta.ejb.ActivationConfigProperty;
import jakarta.ejb.MessageDriven;
import jakarta.ejb.TransactionAttribute;
import jakarta.ejb.TransactionAttributeType;
import jakarta.inject.Inject;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.MessageListener;
import jakarta.jms.TextMessage;
import java.util.Optional;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.matches.MatchService;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.sessions.InstanceIdentity;

/**
 * Takes match ids from queue {@code arena.matches}: claims the match (a committed claim, so a
 * redelivered message finds it taken) and hands it to the engine. Thin on purpose; a poison message
 * throws and ends on the dead-letter queue. A full engine ({@code arena.runner.max-games}) claims
 * nothing: the match is passed on ({@link MatchService#passOn}) for an instance with room.
 */
@MessageDriven(
    activationConfig = {
      @ActivationConfigProperty(propertyName = "resourceAdapter", propertyValue = "artemis-rar"),
      @ActivationConfigProperty(
          propertyName = "destinationType",
          propertyValue = "jakarta.jms.Queue"),
      @ActivationConfigProperty(propertyName = "destination", propertyValue = "arena.matches"),
      @ActivationConfigProperty(propertyName = "useJNDI", propertyValue = "false"),
      @ActivationConfigProperty(propertyName = "maxSession", propertyValue = "4"),
      // claim one at a time: prefetched matches would wait here while other instances idle
      @ActivationConfigProperty(propertyName = "consumerWindowSize", propertyValue = "0"),
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
public class MatchRunnerMdb implements MessageListener {

  private static final Logger LOG = Logger.getLogger(MatchRunnerMdb.class.getName());

  @Inject MatchService matches;
  @Inject MatchEngine engine;
  @Inject InstanceIdentity instance;

  @Override
  public void onMessage(Message message) {
    UUID matchId;
    try {
      matchId = UUID.fromString(((TextMessage) message).getText().trim());
    } catch (JMSException | RuntimeException e) {
      throw new IllegalArgumentException("not a match id: " + message, e);
    }
    if (!engine.takePlace()) {
      // full: the match stays QUEUED, unclaimed and without a lease, for an instance with room
      boolean passed = matches.passOn(matchId, engine.passOnDelayMs());
      LOG.fine(
          () ->
              "instance full: match "
                  + matchId
                  + (passed ? " passed on" : " is not queued; ignored"));
      return;
    }
    Optional<MatchPlan> claimed;
    try {
      claimed = matches.claim(matchId, instance.id());
    } catch (RuntimeException e) {
      engine.giveBack();
      throw e;
    }
    claimed.ifPresentOrElse(
        engine::start,
        () -> {
          engine.giveBack();
          LOG.fine(() -> "match " + matchId + " is not queued (taken or done); ignored");
        });
  }
}

package org.botarena.jobs.io;

import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.TextMessage;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;

/**
 * {@link ToBot} and {@link ToRunner} as JMS text messages: routing data in properties, payload in
 * the body.
 */
final class IoMessages {

  static final String INSTANCE = "instance";
  static final String DIRECTION = "dir";

  private IoMessages() {}

  static Message of(JMSContext jms, String instance, ToBot m) throws JMSException {
    TextMessage msg = jms.createTextMessage(m.frame());
    msg.setStringProperty(INSTANCE, instance);
    msg.setStringProperty(DIRECTION, "bot");
    msg.setLongProperty("bot", m.botId());
    msg.setStringProperty("game", m.game());
    msg.setStringProperty("runner", m.runner());
    msg.setStringProperty("kind", m.kind().name());
    return msg;
  }

  static Message of(JMSContext jms, String instance, ToRunner m) throws JMSException {
    TextMessage msg = jms.createTextMessage(m.action() == null ? "" : m.action());
    msg.setStringProperty(INSTANCE, instance);
    msg.setStringProperty(DIRECTION, "runner");
    msg.setLongProperty("bot", m.botId());
    msg.setStringProperty("game", m.game());
    msg.setStringProperty("kind", m.kind().name());
    msg.setIntProperty("spot", m.spot());
    msg.setLongProperty("seq", m.seq());
    msg.setStringProperty("gateway", m.gateway());
    return msg;
  }

  static boolean toBot(Message msg) throws JMSException {
    return "bot".equals(msg.getStringProperty(DIRECTION));
  }

  static ToBot toBotOf(TextMessage msg) throws JMSException {
    return new ToBot(
        msg.getLongProperty("bot"),
        msg.getStringProperty("game"),
        msg.getStringProperty("runner"),
        ToBot.Kind.valueOf(msg.getStringProperty("kind")),
        msg.getText());
  }

  static ToRunner toRunnerOf(TextMessage msg) throws JMSException {
    String body = msg.getText();
    return new ToRunner(
        msg.getStringProperty("game"),
        msg.getLongProperty("bot"),
        ToRunner.Kind.valueOf(msg.getStringProperty("kind")),
        msg.getIntProperty("spot"),
        msg.getLongProperty("seq"),
        body == null || body.isEmpty() ? null : body,
        msg.getStringProperty("gateway"));
  }
}

package org.botarena.arena.messaging;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSConsumer;
import jakarta.jms.JMSContext;
import jakarta.jms.JMSException;
import jakarta.jms.Message;
import jakarta.jms.Queue;
import jakarta.jms.TemporaryQueue;
import jakarta.jms.TextMessage;
import jakarta.json.Json;
import jakarta.json.JsonArray;
import jakarta.json.JsonNumber;
import jakarta.json.JsonValue;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import org.botarena.arena.platform.Resources;

/**
 * The broker's queues as its management API reports them: Artemis answers management requests sent
 * as plain JMS messages to {@code activemq.management} (resource and attribute in two string
 * properties, the result as JSON in the reply), so no broker classes are needed here and it works
 * with the embedded and the standalone broker alike.
 */
@ApplicationScoped
public class BrokerQueues {

  /** One queue: messages waiting, consumers attached, messages ever added, messages in delivery. */
  public record QueueStats(
      String name, long messages, long consumers, long added, long delivering) {

    /** Where undeliverable and expired messages end up: worth an operator's look when not empty. */
    public boolean deadLetters() {
      return name.equals("DLQ") || name.equals("ExpiryQueue");
    }
  }

  private static final String MANAGEMENT = "activemq.management";
  private static final long TIMEOUT_MS = 2000;

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory factory;

  /**
   * Whether the connection factory was injected. Called at the application's start so that the bean
   * is created there: created first inside a {@code /metrics} request, outside the application's
   * naming context, its {@code java:app} lookup fails.
   */
  public boolean ready() {
    return factory != null;
  }

  /** Every queue the broker holds (topic subscriptions included), by name. */
  public List<QueueStats> all() {
    try (JMSContext jms = factory.createContext()) {
      Requests requests = new Requests(jms);
      List<QueueStats> queues = new ArrayList<>();
      JsonValue names = requests.attribute("broker", "queueNames");
      for (JsonValue name : names.asJsonArray()) {
        String queue = ((jakarta.json.JsonString) name).getString();
        if (queue.startsWith("activemq.") || queue.startsWith("$")) {
          continue; // the broker's own
        }
        queues.add(requests.stats(queue));
      }
      queues.sort(java.util.Comparator.comparing(QueueStats::name));
      return queues;
    }
  }

  /** Messages waiting in one queue (the match queue's depth for the metrics). */
  public long depth(String queue) {
    try (JMSContext jms = factory.createContext()) {
      return ((JsonNumber) new Requests(jms).attribute("queue." + queue, "messageCount"))
          .longValue();
    }
  }

  /** Request-reply over one temporary queue. */
  private static final class Requests {

    private final JMSContext jms;
    private final Queue management;
    private final TemporaryQueue replies;
    private final JMSConsumer consumer;

    Requests(JMSContext jms) {
      this.jms = jms;
      this.management = jms.createQueue(MANAGEMENT);
      this.replies = jms.createTemporaryQueue();
      this.consumer = jms.createConsumer(replies);
    }

    QueueStats stats(String queue) {
      String resource = "queue." + queue;
      return new QueueStats(
          queue,
          number(resource, "messageCount"),
          number(resource, "consumerCount"),
          number(resource, "messagesAdded"),
          number(resource, "deliveringCount"));
    }

    private long number(String resource, String attribute) {
      JsonValue value = attribute(resource, attribute);
      return value instanceof JsonNumber n ? n.longValue() : -1;
    }

    JsonValue attribute(String resource, String attribute) {
      try {
        Message request = jms.createMessage();
        request.setStringProperty("_AMQ_ResourceName", resource);
        request.setStringProperty("_AMQ_Attribute", attribute);
        request.setJMSReplyTo(replies);
        jms.createProducer().send(management, request);
        Message reply = consumer.receive(TIMEOUT_MS);
        if (!(reply instanceof TextMessage text)) {
          throw new IllegalStateException(
              "the broker did not answer " + resource + "." + attribute);
        }
        if (!reply.getBooleanProperty("_AMQ_OperationSucceeded")) {
          throw new IllegalStateException(resource + "." + attribute + ": " + text.getText());
        }
        // the result comes as a one-element JSON array
        JsonArray result = Json.createReader(new StringReader(text.getText())).readArray();
        return result.get(0);
      } catch (JMSException e) {
        throw new IllegalStateException("broker management: " + e.getMessage(), e);
      }
    }
  }
}

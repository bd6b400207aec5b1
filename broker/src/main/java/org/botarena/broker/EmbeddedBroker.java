package org.botarena.broker;

import java.nio.file.Path;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;

/**
 * A persistent Artemis broker with one CORE acceptor (the machine's 5672 and 1883 belong to other
 * brokers). Settings from {@code ARENA_BROKER_HOST}, {@code ARENA_BROKER_PORT} and {@code
 * ARENA_BROKER_DATA}.
 */
public final class EmbeddedBroker {

  /** The platform's destinations, created up front so that their settings are ours. */
  static final String MATCHES = "arena.matches";
  static final String RESULTS = "arena.results";
  static final String IO = "arena.io";

  /**
   * Artemis's audit loggers, off as in its distribution's log4j2.properties: under java.util.logging
   * they inherit INFO, and the message audit alone wrote four lines of message dump for every
   * message (70 MB in a few minutes of the fault tests, and a share of the broker's CPU). Held here
   * because java.util.logging forgets the level of a logger nobody references.
   */
  private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

  private EmbeddedBroker() {}

  public static void main(String[] args) throws Exception {
    String host = System.getenv().getOrDefault("ARENA_BROKER_HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("ARENA_BROKER_PORT", "61616"));
    Path data = Path.of(System.getenv().getOrDefault("ARENA_BROKER_DATA", ".arena/broker"));
    AUDIT.setLevel(Level.OFF);

    EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    broker.setConfiguration(configuration(host, port, data));
    broker.start();
    System.out.println("broker ready on tcp://" + host + ":" + port + " (data in " + data + ")");

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime().addShutdownHook(new Thread(() -> {
      try {
        broker.stop();
      } catch (Exception e) {
        System.err.println("broker stop: " + e);
      }
      stopped.countDown();
    }));
    stopped.await();
  }

  static Configuration configuration(String host, int port, Path data) throws Exception {
    Configuration config = new ConfigurationImpl();
    config.setName("arena");
    config.setPersistenceEnabled(true);
    config.setSecurityEnabled(false);
    config.setJMXManagementEnabled(true);
    config.setJournalType(JournalType.NIO);
    // without it a single persistent producer is capped near 280 msg/s (STACK.md)
    config.setJournalBufferTimeout_NIO(96_000);
    config.setJournalDirectory(data.resolve("journal").toString());
    config.setBindingsDirectory(data.resolve("bindings").toString());
    config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
    config.setPagingDirectory(data.resolve("paging").toString());
    config.addAcceptorConfiguration("core", "tcp://" + host + ":" + port + "?protocols=CORE");

    config.addAddressSetting("#", new AddressSettings()
        .setDeadLetterAddress(SimpleString.of("DLQ"))
        .setExpiryAddress(SimpleString.of("ExpiryQueue"))
        .setMaxDeliveryAttempts(10)
        .setRedeliveryDelay(1000)
        .setAutoCreateQueues(true)
        .setAutoCreateAddresses(true));
    config.addQueueConfiguration(QueueConfiguration.of("DLQ").setRoutingType(RoutingType.ANYCAST));
    config.addQueueConfiguration(QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST));
    config.addQueueConfiguration(QueueConfiguration.of(MATCHES).setRoutingType(RoutingType.ANYCAST));
    return config;
  }
}

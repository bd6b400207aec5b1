package org.botarena.broker;

import java.nio.file.Path;
import java.util.Set;
import java.util.concurrent.CountDownLatch;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.apache.activemq.artemis.api.core.QueueConfiguration;
import org.apache.activemq.artemis.api.core.RoutingType;
import org.apache.activemq.artemis.api.core.SimpleString;
import org.apache.activemq.artemis.core.config.Configuration;
import org.apache.activemq.artemis.core.config.impl.ConfigurationImpl;
import org.apache.activemq.artemis.core.config.impl.SecurityConfiguration;
import org.apache.activemq.artemis.core.security.Role;
import org.apache.activemq.artemis.core.server.JournalType;
import org.apache.activemq.artemis.core.server.embedded.EmbeddedActiveMQ;
import org.apache.activemq.artemis.core.settings.impl.AddressSettings;
import org.apache.activemq.artemis.spi.core.security.ActiveMQJAASSecurityManager;
import org.apache.activemq.artemis.spi.core.security.jaas.InVMLoginModule;

/**
 * A persistent Artemis broker with one CORE acceptor (the machine's 5672 and 1883 belong to other
 * brokers). Settings from {@code ARENA_BROKER_HOST}, {@code ARENA_BROKER_PORT} and {@code
 * ARENA_BROKER_DATA}. Security is on: the one user, {@code ARENA_BROKER_USER} with {@code
 * ARENA_BROKER_PASSWORD} (the launcher generates it at first start), may use the platform's
 * addresses ({@code arena.#}) and send management requests (queue depths for the operations page);
 * anonymous clients are refused.
 */
public final class EmbeddedBroker {

  /** The platform's destinations, created up front so that their settings are ours. */
  static final String MATCHES = "arena.matches";

  static final String RESULTS = "arena.results";
  static final String IO = "arena.io";

  /**
   * Artemis's audit loggers, off as in its distribution's log4j2.properties: under
   * java.util.logging they inherit INFO, and the message audit alone wrote four lines of message
   * dump for every message (70 MB in a few minutes of the fault tests, and a share of the broker's
   * CPU). Held here because java.util.logging forgets the level of a logger nobody references.
   */
  private static final Logger AUDIT = Logger.getLogger("org.apache.activemq.audit");

  /** The addresses the application's user may send to, consume from and create queues on. */
  static final String APPLICATION_ADDRESSES = "arena.#";

  static final String APPLICATION_ROLE = "arena";
  static final String MANAGEMENT_ADDRESS = "activemq.management";

  private EmbeddedBroker() {}

  public static void main(String[] args) throws Exception {
    String host = System.getenv().getOrDefault("ARENA_BROKER_HOST", "127.0.0.1");
    int port = Integer.parseInt(System.getenv().getOrDefault("ARENA_BROKER_PORT", "61616"));
    Path data = Path.of(System.getenv().getOrDefault("ARENA_BROKER_DATA", ".arena/broker"));
    String user = System.getenv().getOrDefault("ARENA_BROKER_USER", "arena");
    String password = System.getenv("ARENA_BROKER_PASSWORD");
    if (password == null || password.length() < 16) {
      System.err.println(
          "ARENA_BROKER_PASSWORD must be set, 16 characters or more (the launcher generates one)");
      System.exit(2);
    }
    AUDIT.setLevel(Level.OFF);

    EmbeddedActiveMQ broker = new EmbeddedActiveMQ();
    broker.setConfiguration(configuration(host, port, data));
    broker.setSecurityManager(securityManager(user, password));
    broker.start();
    System.out.println("broker ready on tcp://" + host + ":" + port + " (data in " + data + ")");

    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  try {
                    broker.stop();
                  } catch (Exception e) {
                    System.err.println("broker stop: " + e);
                  }
                  stopped.countDown();
                }));
    stopped.await();
  }

  /** The application's user, in memory: no password file to leak, no other user. */
  static ActiveMQJAASSecurityManager securityManager(String user, String password) {
    SecurityConfiguration users = new SecurityConfiguration();
    users.addUser(user, password);
    users.addRole(user, APPLICATION_ROLE);
    return new ActiveMQJAASSecurityManager(InVMLoginModule.class.getName(), users);
  }

  static Configuration configuration(String host, int port, Path data) throws Exception {
    Configuration config = new ConfigurationImpl();
    config.setName("arena");
    config.setPersistenceEnabled(true);
    config.setSecurityEnabled(true);
    // send, consume, create and delete (non-)durable queues, browse, create addresses; never manage
    config.putSecurityRoles(
        APPLICATION_ADDRESSES,
        Set.of(
            new Role(
                APPLICATION_ROLE, true, true, true, true, true, true, false, true, true, false)));
    // the operations page reads queue depths by management messages (BrokerQueues), its replies
    // on temporary queues: those are named into arena.temp.* so that the rule above covers them
    config.setTemporaryQueueNamespace("arena.temp");
    config.putSecurityRoles(
        MANAGEMENT_ADDRESS,
        Set.of(
            new Role(
                APPLICATION_ROLE,
                true,
                false,
                false,
                false,
                false,
                false,
                true,
                false,
                false,
                false)));
    config.setJMXManagementEnabled(true);
    config.setJournalType(JournalType.NIO);
    // without it a single persistent producer is capped near 280 msg/s (STACK.md)
    config.setJournalBufferTimeout_NIO(96_000);
    config.setJournalDirectory(data.resolve("journal").toString());
    config.setBindingsDirectory(data.resolve("bindings").toString());
    config.setLargeMessagesDirectory(data.resolve("large-messages").toString());
    config.setPagingDirectory(data.resolve("paging").toString());
    config.addAcceptorConfiguration("core", "tcp://" + host + ":" + port + "?protocols=CORE");

    config.addAddressSetting(
        "#",
        new AddressSettings()
            .setDeadLetterAddress(SimpleString.of("DLQ"))
            .setExpiryAddress(SimpleString.of("ExpiryQueue"))
            .setMaxDeliveryAttempts(10)
            .setRedeliveryDelay(1000)
            .setAutoCreateQueues(true)
            .setAutoCreateAddresses(true));
    config.addQueueConfiguration(QueueConfiguration.of("DLQ").setRoutingType(RoutingType.ANYCAST));
    config.addQueueConfiguration(
        QueueConfiguration.of("ExpiryQueue").setRoutingType(RoutingType.ANYCAST));
    config.addQueueConfiguration(
        QueueConfiguration.of(MATCHES).setRoutingType(RoutingType.ANYCAST));
    return config;
  }
}

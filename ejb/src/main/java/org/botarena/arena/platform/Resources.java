package org.botarena.arena.platform;

import jakarta.annotation.sql.DataSourceDefinition;
import jakarta.ejb.Singleton;
import jakarta.jms.JMSConnectionFactoryDefinition;

/**
 * The application's resources, defined by the app so that Payara Micro needs no set-up; the values
 * come from MicroProfile Config (environment variables such as ARENA_DB_URL), never compiled in.
 */
@DataSourceDefinition(
    name = "java:app/jdbc/arena",
    className = "org.postgresql.ds.PGSimpleDataSource",
    url = "${MPCONFIG=arena.db.url}",
    user = "${MPCONFIG=arena.db.user}",
    password = "${MPCONFIG=arena.db.password}",
    minPoolSize = 2,
    maxPoolSize = 32,
    // a frozen instance (SIGSTOP, a paused VM) in the middle of a transaction keeps its row locks
    // for as long as it is frozen, and the leader's requeue of its matches waits on them: the
    // database ends such a transaction after a minute (the fault matrix, docs/operations.md)
    properties = {"options=-c idle_in_transaction_session_timeout=60s"})
@JMSConnectionFactoryDefinition(
    name = Resources.CONNECTION_FACTORY,
    interfaceName = "jakarta.jms.ConnectionFactory",
    resourceAdapter = Resources.RESOURCE_ADAPTER,
    user = "${MPCONFIG=arena.broker.user}",
    password = "${MPCONFIG=arena.broker.password}",
    maxPoolSize = 64,
    properties = {
      "connectorClassName=org.apache.activemq.artemis.core.remoting.impl.netty.NettyConnectorFactory",
      "connectionParameters=${MPCONFIG=arena.broker.connection-parameters}"
    })
@Singleton
public class Resources {

  public static final String CONNECTION_FACTORY = "java:app/jms/arena";

  /** The deployed .rar's name (its file name without {@code .rar}). */
  public static final String RESOURCE_ADAPTER = "artemis-rar";

  public static final String MATCHES_QUEUE = "arena.matches";
  public static final String RESULTS_TOPIC = "arena.results";
  public static final String IO_TOPIC = "arena.io";
}

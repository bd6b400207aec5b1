package org.botarena.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.jms.ConnectionFactory;
import jakarta.jms.JMSContext;
import jakarta.jms.QueueBrowser;
import org.botarena.arena.platform.Resources;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/** Ready only while the broker answers: matches and cross-instance bot I/O travel through it. */
@Readiness
@ApplicationScoped
public class BrokerCheck implements HealthCheck {

  @Resource(lookup = Resources.CONNECTION_FACTORY)
  ConnectionFactory factory;

  @Override
  public HealthCheckResponse call() {
    // browsing the match queue is a round trip to the broker that consumes and sends nothing
    try (JMSContext jms = factory.createContext();
        QueueBrowser browser = jms.createBrowser(jms.createQueue(Resources.MATCHES_QUEUE))) {
      browser.getEnumeration().hasMoreElements();
      return HealthCheckResponse.named("broker").up().build();
    } catch (Exception e) {
      return HealthCheckResponse.named("broker")
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}

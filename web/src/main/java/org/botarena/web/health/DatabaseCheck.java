package org.botarena.web.health;

import jakarta.annotation.Resource;
import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import javax.sql.DataSource;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

/**
 * Ready only while PostgreSQL answers: without it no bot can sign in and no match can be stored.
 */
@Readiness
@ApplicationScoped
public class DatabaseCheck implements HealthCheck {

  private static final int TIMEOUT_SECONDS = 2;

  @Resource(lookup = "java:app/jdbc/arena")
  DataSource database;

  @Override
  public HealthCheckResponse call() {
    try (Connection c = database.getConnection()) {
      return HealthCheckResponse.named("database").status(c.isValid(TIMEOUT_SECONDS)).build();
    } catch (Exception e) {
      return HealthCheckResponse.named("database")
          .down()
          .withData("error", String.valueOf(e.getMessage()))
          .build();
    }
  }
}

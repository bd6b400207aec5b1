package org.botarena.web.health;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.botarena.arena.play.LocalGateway;
import org.botarena.arena.play.RunnerStatus;
import org.botarena.arena.sessions.InstanceIdentity;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** Alive while the application answers; says what it holds, for whoever looks. */
@Liveness
@ApplicationScoped
public class InstanceCheck implements HealthCheck {

  @Inject InstanceIdentity instance;
  @Inject LocalGateway gateway;
  @Inject RunnerStatus engine;

  @Override
  public HealthCheckResponse call() {
    return HealthCheckResponse.named("instance")
        .up()
        .withData("id", instance.id())
        .withData("bots_connected", gateway.connected())
        .withData("games_running", engine.running())
        .build();
  }
}

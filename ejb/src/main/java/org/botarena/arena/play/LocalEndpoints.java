package org.botarena.arena.play;

import jakarta.enterprise.context.ApplicationScoped;

/**
 * Where this instance's gateway and runner register themselves. They live in other modules (the
 * gateway in the web module, which EJB modules of an EAR cannot see), so they are looked up here
 * rather than injected.
 */
@ApplicationScoped
public class LocalEndpoints {

  private volatile LocalGateway gateway;
  private volatile RunnerInbox runner;

  public void register(LocalGateway gateway) {
    this.gateway = gateway;
  }

  public void register(RunnerInbox runner) {
    this.runner = runner;
  }

  public LocalGateway gateway() {
    LocalGateway g = gateway;
    if (g == null) {
      throw new IllegalStateException("the gateway has not started");
    }
    return g;
  }

  public RunnerInbox runner() {
    RunnerInbox r = runner;
    if (r == null) {
      throw new IllegalStateException("the match runner has not started");
    }
    return r;
  }
}

package org.botarena.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.botarena.arena.portal.AdminOperations;
import org.botarena.arena.application.OperationsService;
import org.botarena.arena.infrastructure.BrokerQueues;
import org.botarena.web.security.CurrentUser;

/** The operations page: the broker's queues, the instances, and the FAILED matches to requeue. */
@Named
@RequestScoped
public class OperationsView {

  private static final int MAX_FAILED = 200;

  @Inject BrokerQueues broker;
  @Inject OperationsService operations;
  @Inject AdminOperations admin;
  @Inject CurrentUser me;

  private List<BrokerQueues.QueueStats> queues;
  private String brokerError;

  public List<BrokerQueues.QueueStats> getQueues() {
    if (queues == null && brokerError == null) {
      try {
        queues = broker.all();
      } catch (RuntimeException e) {
        // the page stays useful when the broker is down: that is when it is needed most
        brokerError = "The broker does not answer: " + e.getMessage();
        queues = List.of();
      }
    }
    return queues;
  }

  public String getBrokerError() {
    getQueues();
    return brokerError;
  }

  /** The matchmaking, rating, match and tournament settings in force (changeable without a rebuild). */
  public List<Map.Entry<String, String>> getSettings() {
    return List.copyOf(SettingsInForce.all().entrySet());
  }

  public List<OperationsService.InstanceRow> getInstances() {
    return operations.instances();
  }

  public List<OperationsService.FailedMatch> getFailedMatches() {
    return operations.failedMatches(MAX_FAILED);
  }

  public void requeue(UUID match) {
    boolean done = admin.requeueFailed(me.require(), match);
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
        done ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
        done ? "Match " + match + " queued again." : "Match " + match + " is not FAILED any more.", null));
  }
}

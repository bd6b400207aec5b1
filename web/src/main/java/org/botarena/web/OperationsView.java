package org.botarena.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.application.MatchService;
import org.botarena.arena.application.OperationsService;
import org.botarena.arena.infrastructure.BrokerQueues;

/** The operations page: the broker's queues, the instances, and the FAILED matches to requeue. */
@Named
@RequestScoped
public class OperationsView {

  private static final int MAX_FAILED = 200;

  @Inject BrokerQueues broker;
  @Inject OperationsService operations;
  @Inject MatchService matches;

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

  public List<OperationsService.InstanceRow> getInstances() {
    return operations.instances();
  }

  public List<OperationsService.FailedMatch> getFailedMatches() {
    return operations.failedMatches(MAX_FAILED);
  }

  public void requeue(UUID match) {
    boolean done = matches.requeueFailed(match);
    FacesContext.getCurrentInstance().addMessage(null, new FacesMessage(
        done ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
        done ? "Match " + match + " queued again." : "Match " + match + " is not FAILED any more.", null));
  }
}

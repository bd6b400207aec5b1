package org.botarena.web;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.application.FacesMessage;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.botarena.arena.matches.ReplayVerification;
import org.botarena.arena.messaging.BrokerQueues;
import org.botarena.arena.operations.AdminOperations;
import org.botarena.arena.operations.OperationsService;
import org.botarena.arena.retention.ReplayRetention;
import org.botarena.web.security.CurrentUser;

/**
 * The operations page: the broker's queues, the instances, storage, verified replays, and the
 * FAILED matches to requeue.
 */
@Named
@RequestScoped
public class OperationsView {

  private static final int MAX_FAILED = 200;
  private static final int STORAGE_DAYS = 14;

  /** The replays whose mismatches the page lists (the newest that differed). */
  private static final int MISMATCHED_REPLAYS = 10;

  @Inject BrokerQueues broker;
  @Inject OperationsService operations;
  @Inject AdminOperations admin;
  @Inject CurrentUser me;
  @Inject ReplayRetention retention;
  @Inject ReplayVerification verification;

  private ReplayRetention.Storage storage;
  private ReplayVerification.Summary verified;
  private ReplayRetention.Forecast freedNow;
  private ReplayRetention.Forecast freedInADay;

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

  /**
   * The matchmaking, rating, match and tournament settings in force (changeable without a rebuild).
   */
  public List<Map.Entry<String, String>> getSettings() {
    return List.copyOf(SettingsInForce.all().entrySet());
  }

  /** The database's size and the replays stored on each of the last 14 days. */
  public ReplayRetention.Storage getStorage() {
    if (storage == null) {
      storage = retention.storage(Instant.now(), STORAGE_DAYS);
    }
    return storage;
  }

  /** What the retention policy drops at its next sweeps, from what is stored now. */
  public ReplayRetention.Forecast getFreedNow() {
    if (freedNow == null) {
      freedNow = retention.forecast(retention.policy(), Instant.now());
    }
    return freedNow;
  }

  /** What it will have dropped a day from now. */
  public ReplayRetention.Forecast getFreedInADay() {
    if (freedInADay == null) {
      freedInADay = retention.forecast(retention.policy(), Instant.now().plus(Duration.ofDays(1)));
    }
    return freedInADay;
  }

  /** The replays checked so far (by the leader and by {@code verify-replays}). */
  public ReplayVerification.Summary getVerified() {
    if (verified == null) {
      verified = verification.summary();
    }
    return verified;
  }

  /** The mismatches of the replays that differed last. */
  public List<ReplayVerification.Found> getMismatches() {
    return verification.lastMismatches(MISMATCHED_REPLAYS);
  }

  /** {@code bytes} for people: 12.3 MB. */
  public String size(long bytes) {
    return bytes < 1_000_000
        ? String.format("%.1f kB", bytes / 1e3)
        : bytes < 1_000_000_000
            ? String.format("%.1f MB", bytes / 1e6)
            : String.format("%.2f GB", bytes / 1e9);
  }

  public List<OperationsService.InstanceRow> getInstances() {
    return operations.instances();
  }

  public List<OperationsService.FailedMatch> getFailedMatches() {
    return operations.failedMatches(MAX_FAILED);
  }

  public void requeue(UUID match) {
    boolean done = admin.requeueFailed(me.require(), match);
    FacesContext.getCurrentInstance()
        .addMessage(
            null,
            new FacesMessage(
                done ? FacesMessage.SEVERITY_INFO : FacesMessage.SEVERITY_WARN,
                done
                    ? "Match " + match + " queued again."
                    : "Match " + match + " is not FAILED any more.",
                null));
  }
}

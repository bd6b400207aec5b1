package org.botarena.arena.leader;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.UUID;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.matches.MatchService;
import org.botarena.arena.matches.ReplayVerification;
import org.botarena.arena.ratings.RatingService;
import org.botarena.arena.retention.ReplayRetention;
import org.botarena.arena.sessions.SessionRegistry;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The leader's round of repairs, run by {@link LeaderLoop} every few seconds: sessions of dead
 * instances forgotten, matches of lost runners requeued, unclaimed match messages sent again, lost
 * results rated, old replays dropped, a few new replays verified, stranded bots queued again. A CDI
 * bean, not an EJB: each service it calls commits in a transaction of its own, as when the loop
 * called them itself.
 */
@ApplicationScoped
public class Housekeeping {

  private static final Logger LOG = Logger.getLogger(Housekeeping.class.getName());

  /** At most this many lost results rated in one round, so that matchmaking goes on. */
  private static final int BATCH = 50;

  /** The most replays {@code arena.replays.verify-per-round} may ask to verify in a round. */
  static final int MAX_VERIFY_PER_ROUND = 100;

  @Inject MatchService matches;
  @Inject RatingService ratings;
  @Inject SessionRegistry sessions;
  @Inject ReplayRetention retention;
  @Inject ReplayVerification verification;

  @Inject
  @ConfigProperty(name = "arena.session.stale-seconds")
  int staleSeconds;

  @Inject
  @ConfigProperty(name = "arena.match.lease-seconds")
  int leaseSeconds;

  @Inject
  @ConfigProperty(name = "arena.retention.enabled")
  boolean retentionEnabled;

  @Inject
  @ConfigProperty(name = "arena.replays.verify-enabled")
  boolean verifyEnabled;

  @Inject
  @ConfigProperty(name = "arena.replays.verify-per-round")
  int verifyPerRound;

  /** One round of every repair. */
  public void run() {
    int gone = sessions.removeDeadInstances(staleSeconds);
    if (gone > 0) {
      LOG.info(() -> "forgot " + gone + " sessions of instances silent for " + staleSeconds + " s");
    }
    matches
        .requeueExpired()
        .forEach(id -> LOG.info(() -> "requeued match " + id + " (runner lost)"));
    matches
        .resendUnclaimed()
        .forEach(
            id ->
                LOG.warning(
                    () ->
                        "match " + id + " was not claimed in a lease; its message is sent again"));
    // results whose message was lost: rated here (the rating is once-only, wherever it happens)
    for (UUID id : ratings.unrated(leaseSeconds, BATCH)) {
      if (ratings.rate(id)) {
        LOG.warning(
            () ->
                "match "
                    + id
                    + " was not rated a lease after it ended (its result message was lost); rated"
                    + " now");
      }
    }
    if (retentionEnabled) {
      sweepReplays();
    }
    if (verifyEnabled) {
      verifyReplays();
    }
    int stranded = sessions.requeueStranded();
    if (stranded > 0) {
      LOG.warning(() -> stranded + " bots were PLAYING with no game to play; back in the queue");
    }
  }

  /**
   * A few of the newest replays played again from their seeds and actions (the operations page
   * shows the outcome); bounded per round, so that a round's time does not grow with the arena.
   */
  private void verifyReplays() {
    if (verifyPerRound < 1 || verifyPerRound > MAX_VERIFY_PER_ROUND) {
      LOG.warning(
          () ->
              "arena.replays.verify-per-round must be in 1.."
                  + MAX_VERIFY_PER_ROUND
                  + ", got "
                  + verifyPerRound
                  + "; no replay is verified");
      return;
    }
    try {
      for (var result : verification.checkRecent(verifyPerRound)) {
        if (!result.ok()) {
          LOG.warning(
              () ->
                  "the replay of match "
                      + result.match()
                      + " ("
                      + result.game()
                      + ") does not re-simulate: "
                      + result.mismatches().size()
                      + " mismatches, first: "
                      + result.mismatches().get(0));
        }
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "replay verification failed; retrying next round", e);
    }
  }

  /**
   * One batch a round: a backlog (a first start after months) drains without holding up
   * matchmaking.
   */
  private void sweepReplays() {
    try {
      ReplayRetention.Sweep swept = retention.sweep(retention.policy(), Instant.now());
      if (swept.dropped() > 0) {
        LOG.info(
            () ->
                "retention dropped "
                    + swept.dropped()
                    + " replays ("
                    + swept.bytesFreed() / 1024
                    + " KiB)");
      }
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "replay retention failed; retrying next round", e);
    }
  }
}

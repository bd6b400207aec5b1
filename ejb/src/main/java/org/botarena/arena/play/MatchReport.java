package org.botarena.arena.play;

import java.util.Map;
import java.util.UUID;
import org.botarena.arena.latency.SeatLatency;
import org.botarena.games.spi.Outcome;

/**
 * A played match, as its runner reports it.
 *
 * @param matchId the match
 * @param attempt the attempt that played it (a requeued match's older attempts are refused)
 * @param runner the instance that ran it
 * @param outcome how it ended (null when it was dropped)
 * @param steps steps played
 * @param stats per-spot statistics, JSON text
 * @param replay the replay, gzip JSON lines
 * @param dropCause why the match was dropped unfinished (it is stored, never rated), or null
 * @param debug a debug arena's game ({@link MatchPlan#debug}): its players were never taken out of
 *     the queue, so they are not put back
 * @param aborted the game was called off: a bot was gone before it played a step (stored as
 *     ABORTED, never rated; {@code outcome} is null)
 * @param latency per spot played over the protocol, its bot's step times (house bots have none)
 */
public record MatchReport(
    UUID matchId,
    int attempt,
    String runner,
    Outcome outcome,
    int steps,
    Map<Integer, String> stats,
    byte[] replay,
    String dropCause,
    boolean debug,
    boolean aborted,
    Map<Integer, SeatLatency> latency) {

  public MatchReport {
    latency = Map.copyOf(latency);
  }

  public boolean dropped() {
    return dropCause != null;
  }
}

package org.botarena.arena.play;

import java.util.List;
import java.util.UUID;

/**
 * A match claimed by a runner: everything needed to play it.
 *
 * @param debug a debug arena's game: its team may pause, step and rewind it while watching
 * @param fork where a forked debug game starts from, or null
 */
public record MatchPlan(
    UUID matchId,
    int attempt,
    String gameType,
    String config,
    long seed,
    List<Seat> seats,
    boolean debug,
    Fork fork) {

  public MatchPlan {
    seats = List.copyOf(seats);
  }

  /** A match that is no fork. */
  public MatchPlan(
      UUID matchId,
      int attempt,
      String gameType,
      String config,
      long seed,
      List<Seat> seats,
      boolean debug) {
    this(matchId, attempt, gameType, config, seed, seats, debug, null);
  }

  /** A training or tournament match. */
  public MatchPlan(
      UUID matchId, int attempt, String gameType, String config, long seed, List<Seat> seats) {
    this(matchId, attempt, gameType, config, seed, seats, false, null);
  }
}

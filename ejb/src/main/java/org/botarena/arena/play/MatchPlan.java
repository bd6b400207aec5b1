package org.botarena.arena.play;

import java.util.List;
import java.util.UUID;

/** A match claimed by a runner: everything needed to play it. */
public record MatchPlan(
    UUID matchId, int attempt, String gameType, String config, long seed, List<Seat> seats) {

  public MatchPlan {
    seats = List.copyOf(seats);
  }
}

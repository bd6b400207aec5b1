package org.botarena.arena.matches;

import java.time.LocalDate;

/**
 * The match history's filters; null fields do not filter.
 *
 * @param bot part of a player's name at match time (case-insensitive)
 * @param botId one bot's matches
 * @param endState WIN, DRAW, DISCONNECTED, ...
 * @param state QUEUED, RUNNING, FINISHED or FAILED
 */
public record MatchFilter(
    String bot,
    Long botId,
    String gameType,
    String endState,
    String state,
    LocalDate from,
    LocalDate to) {

  public static MatchFilter none() {
    return new MatchFilter(null, null, null, null, null, null, null);
  }
}

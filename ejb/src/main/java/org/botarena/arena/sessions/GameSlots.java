package org.botarena.arena.sessions;

/**
 * How many training and tournament games a bot plays at once ({@code
 * arena.training.parallel-games}, 1 by default), and the rule its session's state follows from it:
 * PLAYING while it has that many such games booked or running (it is not paired), QUEUED while it
 * wants games and has a free slot, IDLE while it does not want games. Debug games take no slot.
 */
public final class GameSlots {

  /** The setting's MicroProfile Config key. */
  public static final String KEY = "arena.training.parallel-games";

  /**
   * SQL: how many training and tournament games the bot of the session row {@code s} has queued or
   * running.
   */
  public static final String OPEN_GAMES =
      "(select count(*) from match_players p join matches m on m.id = p.match_id join arenas a on"
          + " a.id = m.arena_id where p.bot_id = s.bot_id and m.state in ('QUEUED', 'RUNNING')"
          + " and a.kind <> 'DEBUG')";

  private GameSlots() {}

  /** The setting, checked: a clear error for a value below one. */
  public static int checked(int parallelGames) {
    if (parallelGames < 1) {
      throw new IllegalArgumentException(
          KEY + " (ARENA_TRAINING_PARALLEL_GAMES) must be at least 1, got " + parallelGames);
    }
    return parallelGames;
  }
}

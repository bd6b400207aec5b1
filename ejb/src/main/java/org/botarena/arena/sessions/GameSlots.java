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
   * SQL: the common table {@code open_games (bot_id, n)}, each bot's training and tournament games
   * queued or running; a statement that reads {@link #OPEN_GAMES} starts with it. Counted once per
   * statement from the open matches (a few per bot online), never from a bot's history, which grows
   * all semester: counted per bot, a booking took 3-4 ms of PostgreSQL's CPU once the bots had
   * played 800 games each, and two thirds of its CPU at 2 bots (docs/benchmarks.md).
   */
  public static final String WITH_OPEN_GAMES =
      "with open_games as materialized (select p.bot_id, count(*) as n from matches m join arenas"
          + " a on a.id = m.arena_id join match_players p on p.match_id = m.id where m.state in"
          + " ('QUEUED', 'RUNNING') and a.kind <> 'DEBUG' group by p.bot_id) ";

  /**
   * SQL: how many training and tournament games the bot of the session row {@code s} has queued or
   * running (the statement starts with {@link #WITH_OPEN_GAMES}).
   */
  public static final String OPEN_GAMES =
      "coalesce((select o.n from open_games o where o.bot_id = s.bot_id), 0)";

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

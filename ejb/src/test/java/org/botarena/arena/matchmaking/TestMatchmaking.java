package org.botarena.arena.matchmaking;

import jakarta.persistence.EntityManager;

/** Services of this package wired to a test EntityManager (their fields are package-private). */
public final class TestMatchmaking {

  private TestMatchmaking() {}

  public static HouseBotRoster roster(EntityManager em) {
    HouseBotRoster roster = new HouseBotRoster();
    roster.em = em;
    return roster;
  }

  /** The training games of {@code list} (as {@code arena.training.games}). */
  public static TrainingGames trainingGames(String list) {
    TrainingGames games = new TrainingGames();
    games.games = java.util.Optional.of(list);
    return games;
  }

  /** A pass that reads (and opens) training arenas only: no booking, no settings. */
  public static MatchmakingPass arenas(EntityManager em) {
    MatchmakingPass pass = new MatchmakingPass();
    pass.em = em;
    return pass;
  }
}

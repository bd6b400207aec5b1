package org.botarena.arena.matches;

/**
 * Who may see a game: training and tournament games are public; a debug arena's game only to the
 * members of its owner's team.
 */
final class GameVisibility {

  /**
   * SQL condition on arena {@code a} for the user named by parameter {@code ?2} ("" when nobody is
   * signed in).
   */
  static final String VISIBLE =
      "(a.kind <> 'DEBUG' or exists (select 1 from users o join users u"
          + " on u.team_id = o.team_id where o.id = a.owner_id and lower(u.username) = lower(?2)))";

  private GameVisibility() {}

  static String user(String username) {
    return username == null ? "" : username;
  }
}

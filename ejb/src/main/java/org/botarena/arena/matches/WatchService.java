package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** What an observer needs to know of a game: where it stands and who plays it. */
@Stateless
public class WatchService {

  /**
   * A game as observers see it.
   *
   * @param state QUEUED, RUNNING, FINISHED or FAILED
   * @param runner the instance running it (RUNNING)
   * @param attempt the current attempt (a requeued game is run again)
   * @param visible whether the user asking may watch it (debug-arena games are their team's)
   * @param debug a debug arena's game: whoever may watch it may also pause, step and rewind it
   */
  public record Game(
      UUID id,
      String gameType,
      String state,
      String runner,
      int attempt,
      boolean visible,
      boolean debug,
      List<String> players) {}

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** The game as {@code username} (null: nobody signed in) may see it. */
  public Optional<Game> find(UUID id, String username) {
    List<?> rows =
        em.createNativeQuery(
                "select m.game_type, m.state, m.instance, m.attempt, "
                    + GameVisibility.VISIBLE
                    + ", a.kind = 'DEBUG'"
                    + " from matches m join arenas a on a.id = m.arena_id where m.id = ?1")
            .setParameter(1, id)
            .setParameter(2, GameVisibility.user(username))
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    List<String> players = new ArrayList<>();
    for (Object name :
        em.createNativeQuery("select bot_name from match_players where match_id = ?1 order by spot")
            .setParameter(1, id)
            .getResultList()) {
      players.add((String) name);
    }
    return Optional.of(
        new Game(
            id,
            (String) r[0],
            (String) r[1],
            (String) r[2],
            ((Number) r[3]).intValue(),
            Boolean.TRUE.equals(r[4]),
            Boolean.TRUE.equals(r[5]),
            players));
  }
}

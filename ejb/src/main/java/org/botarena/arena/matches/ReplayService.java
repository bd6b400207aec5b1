package org.botarena.arena.matches;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayView;
import org.botarena.protocol.Json;

/** Stored replays (gzip-compressed JSON lines, docs/games.md). */
@Stateless
public class ReplayService {

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  public ReplayService() {}

  /** Outside the container (the query tests). */
  public ReplayService(EntityManager em) {
    this.em = em;
  }

  /**
   * The viewer's JSON ({@link ReplayView}) of a match {@code username} may see (null: nobody signed
   * in).
   */
  public Optional<String> viewFor(UUID match, String username) {
    return replayFor(match, username)
        .map(data -> Json.write(ReplayView.of(Replay.read(new ByteArrayInputStream(data)))));
  }

  /**
   * The replay of a match {@code username} may see: public ones, and the debug games of their team.
   */
  public Optional<byte[]> replayFor(UUID match, String username) {
    List<?> rows =
        em.createNativeQuery(
                "select r.data from replays r join matches m on m.id = r.match_id"
                    + " join arenas a on a.id = m.arena_id where r.match_id = ?1 and "
                    + GameVisibility.VISIBLE)
            .setParameter(1, match)
            .setParameter(2, GameVisibility.user(username))
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
  }

  /**
   * The replay of any match, for callers that checked who may see it themselves (the observer hub).
   */
  public Optional<byte[]> anyReplay(UUID match) {
    List<?> rows =
        em.createNativeQuery("select data from replays where match_id = ?1")
            .setParameter(1, match)
            .getResultList();
    return rows.isEmpty() ? Optional.empty() : Optional.of((byte[]) rows.get(0));
  }
}

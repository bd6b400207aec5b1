package org.botarena.arena.debug;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.TreeSet;
import java.util.UUID;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.debug.DebugArenaService.Choice;
import org.botarena.arena.debug.DebugArenaService.DebugArena;
import org.botarena.arena.matches.MatchBooking;
import org.botarena.arena.matches.ReplayService;
import org.botarena.games.Games;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayVerifier;
import org.botarena.games.spi.Game;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;

/**
 * Forks of finished games: a new game in the caller's debug arena that starts from a finished
 * game's state after step k (its first k steps played again from its seed and recorded actions, by
 * the replay verifier) and goes on with the caller's bots, against a house bot or the finished
 * game's recorded actions for that seat. Any finished game the caller may see can be forked (the
 * replays' visibility rule, {@link ReplayService#replayFor}).
 */
@Stateless
public class ReplayForks {

  private static final Logger LOG = Logger.getLogger(ReplayForks.class.getName());

  /** A seat played by the origin's recorded actions, then by the named house bot. */
  static final String RECORDED = "recorded:";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject DebugArenaService debug;
  @Inject ReplayService replays;
  @Inject MatchBooking booking;

  /** What the fork form offers for a finished game: its steps, and who may take each seat. */
  public record Options(
      int steps, List<String> players, List<Choice> choices, List<String> seats) {}

  /** Where a forked game came from. */
  public record Origin(UUID match, int step) {}

  /** A finished game's fork form, or empty when the caller may not fork it (or see it). */
  public Optional<Options> options(Caller caller, UUID origin) {
    if (caller.teamId() == null) {
      return Optional.empty();
    }
    Optional<Replay> replay = finishedReplay(caller, origin);
    if (replay.isEmpty()) {
      return Optional.empty();
    }
    String game = replay.get().header().game();
    DebugArena own = debug.own(caller);
    List<Choice> choices = new ArrayList<>(debug.choices(caller, own.id(), game));
    List<String> houses = new ArrayList<>(new TreeSet<>(Games.type(game).houseBots().keySet()));
    houses.forEach(
        h ->
            choices.add(
                new Choice(
                    RECORDED + h, "the recorded opponent's actions (then house bot " + h + ")")));
    return Optional.of(
        new Options(
            replay.get().frames().size(),
            replay.get().header().players(),
            choices,
            defaultSeats(caller, origin, houses.isEmpty() ? null : houses.get(0))));
  }

  /**
   * The seat of each of the team's bots in the origin stays theirs (a debug spot's stand-in: that
   * spot's connection); the other seats play the recorded actions. A game of other teams' bots gets
   * the caller's spot 0 connection on spot 0.
   */
  private List<String> defaultSeats(Caller caller, UUID origin, String firstHouse) {
    List<String> seats = new ArrayList<>();
    boolean ours = false;
    for (Object o :
        em.createNativeQuery(
                "select b.id, b.team_id = ?2, b.debug_spot from match_players p join bots b on"
                    + " b.id = p.bot_id where p.match_id = ?1 order by p.spot")
            .setParameter(1, origin)
            .setParameter(2, caller.teamId())
            .getResultList()) {
      Object[] r = (Object[]) o;
      if (Boolean.TRUE.equals(r[1])) {
        ours = true;
        seats.add(r[2] != null ? DebugArenaService.SPOT + r[2] : DebugArenaService.BOT + r[0]);
      } else {
        seats.add(firstHouse == null ? "" : RECORDED + firstHouse);
      }
    }
    if (!ours && !seats.isEmpty()) {
      seats.set(0, DebugArenaService.SPOT + 0);
    }
    return seats;
  }

  /**
   * Forks {@code origin} at {@code step} into the caller's own debug arena, held at that step; one
   * choice per seat ({@link Options#choices}). Returns the new game's id.
   */
  public UUID fork(Caller caller, UUID origin, int step, List<String> bySpot) {
    Replay replay =
        finishedReplay(caller, origin)
            .orElseThrow(
                () -> new AccountException("No finished game " + origin + " that you may see."));
    String game = replay.header().game();
    if (!Games.exists(game)) {
      throw new AccountException("The game '" + game + "' is not installed here any more.");
    }
    int players = Games.type(game).players();
    if (bySpot == null || bySpot.size() != players) {
      throw new AccountException(game + " has " + players + " spots: choose who plays each.");
    }
    requirePlayable(replay, step);
    DebugArena own = debug.own(caller);
    List<Long> seats = new ArrayList<>();
    List<Integer> recorded = new ArrayList<>();
    for (int spot = 0; spot < players; spot++) {
      String choice = bySpot.get(spot) == null ? "" : bySpot.get(spot);
      if (choice.startsWith(RECORDED)) {
        recorded.add(spot);
        choice = DebugArenaService.HOUSE + choice.substring(RECORDED.length());
      }
      seats.add(debug.seatBot(caller, own, game, spot, choice));
    }
    if (recorded.size() == players) {
      throw new AccountException(
          "Every seat would play the recorded actions: choose a bot for one of them.");
    }
    debug.requireRoom(caller);
    Object[] m =
        (Object[])
            em.createNativeQuery("select cast(config as text), seed from matches where id = ?1")
                .setParameter(1, origin)
                .getSingleResult();
    ObjectNode config = (ObjectNode) Json.parse((String) m[0]);
    config.put(PlatformConfig.START_PAUSED, true);
    // the origin's seed and config: the first k steps are then the origin's, played again
    UUID id =
        booking.queue(own.id(), game, Json.write(config), 1, ((Number) m[1]).longValue(), seats);
    em.flush();
    em.createNativeQuery(
            "update matches set started_by = ?1, forked_from = ?2, forked_at_step = ?3"
                + " where id = ?4")
        .setParameter(1, caller.userId())
        .setParameter(2, origin)
        .setParameter(3, step)
        .setParameter(4, id)
        .executeUpdate();
    for (int spot : recorded) {
      em.createNativeQuery(
              "update match_players set plays_recorded = true where match_id = ?1 and spot = ?2")
          .setParameter(1, id)
          .setParameter(2, spot)
          .executeUpdate();
    }
    LOG.info(
        () ->
            "user "
                + caller.username()
                + " forked game "
                + origin
                + " at step "
                + step
                + " into debug game "
                + id);
    return id;
  }

  /**
   * Where a forked game {@code username} may see came from (empty: it is no fork, its origin was
   * deleted, or it is another team's).
   */
  public Optional<Origin> origin(UUID match, String username) {
    if (replays.replayFor(match, username).isEmpty()) {
      return Optional.empty();
    }
    List<?> rows =
        em.createNativeQuery(
                "select forked_from, forked_at_step from matches where id = ?1"
                    + " and forked_from is not null")
            .setParameter(1, match)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new Origin((UUID) r[0], ((Number) r[1]).intValue()));
  }

  /**
   * Refuses a step outside the replay, one the replay does not play again to (the verifier's
   * words), or one where the game is already over.
   */
  static void requirePlayable(Replay replay, int step) {
    int length = replay.frames().size();
    if (step < 0 || step > length) {
      throw new AccountException("Choose a step from 0 to " + length + ", not " + step + ".");
    }
    Game at;
    try {
      at = new ReplayVerifier().playTo(replay, step, (actions, game) -> {});
    } catch (IllegalArgumentException e) {
      throw new AccountException("This game cannot be forked: " + e.getMessage() + ".");
    }
    if (at.finished()) {
      throw new AccountException(
          "The game is over at step " + step + ": fork it at an earlier step.");
    }
  }

  /** The replay of a finished game the caller may see. */
  private Optional<Replay> finishedReplay(Caller caller, UUID origin) {
    if (em.createNativeQuery("select 1 from matches where id = ?1 and state = 'FINISHED'")
        .setParameter(1, origin)
        .getResultList()
        .isEmpty()) {
      return Optional.empty();
    }
    return replays
        .replayFor(origin, caller.username())
        .map(data -> Replay.read(new ByteArrayInputStream(data)));
  }
}

package org.botarena.games.referee;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;

/**
 * The pure rules of a game's steps, driven by events: a step is opened (every spot in {@link
 * Game#playing()} is asked, with its own increasing {@code seq}), actions arrive, the deadline
 * passes (a missing action plays the game's no-op; {@link StepRules#maxTimeouts} misses in a row
 * forfeit), a bot goes away (forfeit). House bots stand in for their spots and answer at once; one
 * that fails or breaks the rules plays the no-op, so a house bot's bug never forfeits. A bot that
 * is {@link #away} (its connection dropped; it may come back) misses its steps as usual, and a
 * forfeit while away is a disconnect; if it would lose the game while away before it ever answered
 * a step of it, the game is {@link #aborted} instead: nobody played against it, so nobody won.
 * Time, threads and frames are the caller's: the server's runner and the local runner both use this
 * class. Not thread-safe: its caller serializes the events.
 */
public final class Referee {

  /** A spot asked for its action. */
  public record Request(int spot, long seq, JsonNode observation) {}

  /** What became of a bot's action. */
  public enum Verdict {
    /** Taken for the open step. */
    ACCEPTED,
    /** No open step of that spot and seq waits for it (late, repeated or unknown): ignored. */
    STALE,
    /** The game refused it: the spot forfeited. */
    INVALID
  }

  /** A verdict with the sentence that explains it (null when accepted). */
  public record Answer(Verdict verdict, String problem) {}

  /**
   * A spot that missed the deadline of step {@code seq}.
   *
   * @param misses its misses in a row so far
   * @param forfeited whether this miss lost it the game
   */
  public record Miss(int spot, long seq, int misses, boolean forfeited, String message) {}

  private Game game;
  private final StepRules rules;
  private final Map<Integer, HouseBot> standIns;
  private final Map<Integer, Long> seq = new HashMap<>();
  private final Map<Integer, Integer> missed = new HashMap<>();
  private final Map<Integer, JsonNode> pending = new TreeMap<>();

  /** Spots whose bot answered at least one step of this game. */
  private final Set<Integer> answered = new HashSet<>();

  /** Spots whose bot's connection is gone (for now). */
  private final Set<Integer> away = new HashSet<>();

  private boolean aborted;
  private boolean awaiting;
  private long round;

  /**
   * @param standIns the house bots that play their spots here, by spot
   */
  public Referee(Game game, StepRules rules, Map<Integer, HouseBot> standIns) {
    this.game = game;
    this.rules = rules;
    this.standIns = Map.copyOf(standIns);
  }

  public Game game() {
    return game;
  }

  public StepRules rules() {
    return rules;
  }

  /** Whether a house bot plays {@code spot}. */
  public boolean standsIn(int spot) {
    return standIns.containsKey(spot);
  }

  /** Whether a step was opened and still waits for bots' actions (or its deadline). */
  public boolean awaiting() {
    return awaiting;
  }

  /** Whether every spot that must act has its action: the step can be {@link #apply applied}. */
  public boolean complete() {
    return !over() && !game.playing().isEmpty() && pending.keySet().containsAll(game.playing());
  }

  /** The number of the step last opened, to match a deadline to the step it was set for. */
  public long round() {
    return round;
  }

  /**
   * Opens the next step: house bots answer at once, the other spots are returned to be asked. When
   * none is returned the step is already {@link #complete}.
   */
  public List<Request> open() {
    if (awaiting || over()) {
      throw new IllegalStateException(over() ? "the game is over" : "a step is open already");
    }
    round++;
    List<Request> asked = new ArrayList<>();
    for (int spot : game.playing()) {
      long next = seq.merge(spot, 1L, Long::sum);
      HouseBot house = standIns.get(spot);
      if (house != null) {
        pending.put(spot, houseAction(house, spot));
      } else {
        asked.add(new Request(spot, next, game.observation(spot)));
      }
    }
    awaiting = !asked.isEmpty();
    return asked;
  }

  /**
   * A bot's action for {@code spot}'s step {@code seq}; {@code action} null means it was not JSON.
   * An invalid one forfeits the spot's game.
   */
  public Answer answer(int spot, long stepSeq, JsonNode action) {
    if (!awaiting
        || !game.playing().contains(spot)
        || standsIn(spot)
        || seq.getOrDefault(spot, 0L) != stepSeq
        || pending.containsKey(spot)) {
      return new Answer(
          Verdict.STALE, "no step " + stepSeq + " of spot " + spot + " is waiting for an action");
    }
    Optional<String> problem =
        action == null
            ? Optional.of("the action is not JSON")
            : Json.hasNonFinite(action)
                ? Optional.of("the action contains NaN or Infinity")
                : game.validate(spot, action);
    if (problem.isPresent()) {
      forfeit(spot, EndReason.INVALID_ACTION);
      return new Answer(Verdict.INVALID, problem.get());
    }
    missed.put(spot, 0);
    answered.add(spot);
    pending.put(spot, action);
    if (pending.keySet().containsAll(game.playing())) {
      awaiting = false;
    }
    return new Answer(Verdict.ACCEPTED, null);
  }

  /**
   * The deadline of step {@code ofRound} passed: each spot still missing plays the no-op, or
   * forfeits once it has missed {@link StepRules#maxTimeouts} in a row. Nothing happens if that
   * step is no longer open.
   */
  public List<Miss> deadlinePassed(long ofRound) {
    if (!awaiting || ofRound != round) {
      return List.of();
    }
    List<Miss> misses = new ArrayList<>();
    for (int spot : game.playing()) {
      if (pending.containsKey(spot)) {
        continue;
      }
      int inARow = missed.merge(spot, 1, Integer::sum);
      boolean forfeited = inARow >= rules.maxTimeouts();
      boolean callsOff = forfeited && goneBeforeItPlayed(spot);
      long s = seq.get(spot);
      misses.add(
          new Miss(
              spot,
              s,
              inARow,
              forfeited,
              "no action for step "
                  + s
                  + " in "
                  + rules.deadlineMs()
                  + " ms ("
                  + inARow
                  + " of "
                  + rules.maxTimeouts()
                  + " allowed in a row)"
                  + (callsOff
                      ? CALLED_OFF
                      : forfeited ? "; the game is forfeited" : "; the game's no-op was played")));
      if (callsOff) {
        abort();
        return misses;
      }
      if (forfeited) {
        // missed because its connection is gone: it lost by going away, not by thinking too long
        forfeit(spot, away.contains(spot) ? EndReason.DISCONNECT : EndReason.TIMEOUT);
        return misses;
      }
      pending.put(spot, game.noop(spot));
    }
    awaiting = false;
    return misses;
  }

  private static final String CALLED_OFF =
      "; the game is called off: its bot was gone before it played a step";

  /**
   * The bot playing {@code spot} is gone for good (it did not come back in time): it forfeits; or,
   * if it was {@link #away} and never answered a step of this game, the game is {@link #aborted}.
   */
  public void disconnected(int spot) {
    if (goneBeforeItPlayed(spot)) {
      abort();
    } else {
      forfeit(spot, EndReason.DISCONNECT);
    }
  }

  /**
   * The connection of {@code spot}'s bot dropped; it may come back. Its steps are missed meanwhile.
   */
  public void away(int spot) {
    away.add(spot);
  }

  /** The bot of {@code spot} is connected again. */
  public void back(int spot) {
    away.remove(spot);
  }

  /**
   * Whether the game was called off: a bot was gone before it played a step of it, so nobody won
   * (the server stores it as ABORTED and never rates it).
   */
  public boolean aborted() {
    return aborted;
  }

  /** Whether the game is over: finished by its rules or a forfeit, or {@link #aborted}. */
  public boolean over() {
    return aborted || game.finished();
  }

  /**
   * The step {@code spot} was asked for and has not answered yet, asked again (its bot came back on
   * a new connection); empty when the open step does not wait for that spot.
   */
  public Optional<Request> waitingFor(int spot) {
    if (!awaiting
        || over()
        || standsIn(spot)
        || !game.playing().contains(spot)
        || pending.containsKey(spot)) {
      return Optional.empty();
    }
    return Optional.of(new Request(spot, seq.get(spot), game.observation(spot)));
  }

  private boolean goneBeforeItPlayed(int spot) {
    return away.contains(spot) && !answered.contains(spot);
  }

  private void abort() {
    pending.clear();
    awaiting = false;
    aborted = true;
  }

  /** Plays the complete step on the game; returns the actions applied, by spot. */
  public Map<Integer, JsonNode> apply() {
    if (!complete()) {
      throw new IllegalStateException("the step is not complete");
    }
    Map<Integer, JsonNode> actions = new LinkedHashMap<>(pending);
    pending.clear();
    awaiting = false;
    game.apply(actions);
    return actions;
  }

  /**
   * Goes on with {@code restored} (a debug game taken back to an earlier step): the open step and
   * the misses are forgotten; sequence numbers keep increasing, so late answers stay stale.
   */
  public void restart(Game restored) {
    game = restored;
    pending.clear();
    missed.clear();
    awaiting = false;
    round++;
  }

  private void forfeit(int spot, EndReason reason) {
    pending.clear();
    awaiting = false;
    game.forfeit(spot, reason);
  }

  private JsonNode houseAction(HouseBot house, int spot) {
    try {
      JsonNode action = house.act(game.observation(spot));
      return action != null && game.validate(spot, action).isEmpty() ? action : game.noop(spot);
    } catch (RuntimeException e) {
      return game.noop(spot);
    }
  }
}

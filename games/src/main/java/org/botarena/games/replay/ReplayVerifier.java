package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.BiConsumer;
import java.util.function.Function;
import org.botarena.games.Games;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;

/**
 * Plays a replay again from its header (game, version, config, seed) and its actions, and compares
 * the initial state, every frame's state and the outcome with what was recorded. Every difference
 * is reported with its step; after a state difference the check continues from the recorded state,
 * so that one tampered frame shows as one mismatch rather than hiding the rest.
 *
 * <p>A game that ended by forfeit (timeout, invalid action, disconnect) has no frame for it: the
 * forfeit is applied to the spot the recorded outcome leaves out of the winners.
 */
public final class ReplayVerifier {

  public static final int MAX_MISMATCHES = 50;

  private final Function<String, GameType> types;

  /** A verifier for the game types on the class path. */
  public ReplayVerifier() {
    this(Games::type);
  }

  public ReplayVerifier(Function<String, GameType> types) {
    this.types = types;
  }

  public ReplayCheck verify(Replay replay) {
    Run run = new Run(replay);
    try {
      run.check();
    } catch (RuntimeException e) {
      run.report(run.step, "frames", "frames", "re-simulation failed: " + e);
    }
    return new ReplayCheck(run.framesChecked, run.mismatches);
  }

  /**
   * Plays the first {@code steps} frames of {@code replay} again, checked as {@link #verify} checks
   * them, and returns the game after them: a fork of a finished game goes on from there. {@code
   * afterStep} is told each step's actions and the game after it (the fork records them).
   *
   * @throws IllegalArgumentException when {@code steps} is not from 0 to the replay's length, or
   *     the replay does not play again to there (the first mismatch says where and why)
   */
  public Game playTo(Replay replay, int steps, BiConsumer<Map<Integer, JsonNode>, Game> afterStep) {
    if (steps < 0 || steps > replay.frames().size()) {
      throw new IllegalArgumentException(
          "step " + steps + " is not between 0 and " + replay.frames().size());
    }
    Run run = new Run(replay);
    run.limit = steps;
    run.afterStep = afterStep;
    try {
      run.check();
    } catch (RuntimeException e) {
      run.report(run.step, "frames", "frames", "re-simulation failed: " + e);
    }
    if (!run.mismatches.isEmpty()) {
      ReplayMismatch first = run.mismatches.get(0);
      throw new IllegalArgumentException(
          "the replay does not play again to step "
              + steps
              + ": at step "
              + first.step()
              + ", "
              + first.detail());
    }
    return run.game;
  }

  /** The state of one verification. */
  private final class Run {
    private final Replay replay;
    private final List<ReplayMismatch> mismatches = new ArrayList<>();
    private int framesChecked;
    private int step;
    private Game game;
    private GameType type;

    /** Frames to play again ({@link #playTo}); the outcome is checked only after all of them. */
    private int limit = Integer.MAX_VALUE;

    private BiConsumer<Map<Integer, JsonNode>, Game> afterStep = (actions, game) -> {};

    Run(Replay replay) {
      this.replay = replay;
    }

    void report(int at, String part, String path, String detail) {
      if (mismatches.size() < MAX_MISMATCHES) {
        mismatches.add(new ReplayMismatch(at, part, path, detail));
      }
    }

    void check() {
      ReplayHeader header = replay.header();
      type = types.apply(header.game());
      if (!type.version().equals(header.version())) {
        report(
            0,
            "version",
            "version",
            "recorded with version "
                + header.version()
                + " of "
                + header.game()
                + ", the rules here are version "
                + type.version());
      }
      ObjectNode config = type.config(header.config());
      JsonDifference.between(header.config(), config)
          .ifPresent(
              d ->
                  report(
                      0,
                      "config",
                      d.path().isEmpty() ? "config" : "config." + d.path(),
                      "the recorded config is not complete: " + d));
      game = type.create(config, header.seed());
      compareState(replay.initial());
      for (ReplayFrame frame : replay.frames()) {
        if (step == limit) {
          return;
        }
        step++;
        if (!replayFrame(frame)) {
          return;
        }
      }
      if (limit == Integer.MAX_VALUE) {
        checkEnd();
      }
    }

    /** Applies one frame; false when the replay cannot go on. */
    private boolean replayFrame(ReplayFrame frame) {
      if (frame.step() != step) {
        report(
            step,
            "frames",
            "frames",
            "frame number " + frame.step() + " where " + step + " was expected");
      }
      if (game.finished()) {
        report(step, "frames", "frames", "the game was already over, but the replay goes on");
        return false;
      }
      Map<Integer, JsonNode> actions = frame.actions();
      if (!new TreeSet<>(actions.keySet()).containsAll(game.playing())) {
        report(
            step,
            "actions",
            "actions",
            "actions for spots "
                + actions.keySet()
                + " but spots "
                + game.playing()
                + " had to act");
        return false;
      }
      for (int spot : game.playing()) {
        Optional<String> problem = game.validate(spot, actions.get(spot));
        if (problem.isPresent()) {
          report(
              step,
              "actions",
              "actions." + spot,
              "spot " + spot + "'s action " + actions.get(spot) + " is invalid: " + problem.get());
          return false;
        }
      }
      game.apply(actions);
      framesChecked++;
      compareState(frame.state());
      afterStep.accept(actions, game);
      return true;
    }

    /** Reports a state difference, then goes on from the recorded state. */
    private void compareState(ObjectNode recorded) {
      Optional<JsonDifference> difference = JsonDifference.between(recorded, game.state());
      if (difference.isPresent()) {
        report(
            step,
            "state",
            difference.get().path().isEmpty() ? "(root)" : difference.get().path(),
            "recorded "
                + difference.get().path()
                + " = "
                + difference.get().expected()
                + ", re-simulated "
                + difference.get().actual());
        game = type.restore(recorded);
      }
    }

    private void checkEnd() {
      ObjectNode end = replay.end();
      if (end == null) {
        if (game.finished()) {
          report(step, "outcome", "end", "the game ended but the replay has no end");
        }
        return;
      }
      EndReason reason = EndReason.valueOf(end.path("reason").asText());
      if (!game.finished() && isForfeit(reason)) {
        forfeiter(end).ifPresent(spot -> game.forfeit(spot, reason));
      }
      if (!game.finished()) {
        report(step, "outcome", "end", "the replay ends with " + end + " but the game is not over");
        return;
      }
      JsonDifference.between(end, ReplayRecorder.outcomeJson(game.outcome()))
          .ifPresent(
              d ->
                  report(
                      step,
                      "outcome",
                      d.path().isEmpty() ? "end" : "end." + d.path(),
                      "recorded "
                          + d.path()
                          + " = "
                          + d.expected()
                          + ", re-simulated "
                          + d.actual()));
    }

    private boolean isForfeit(EndReason reason) {
      return reason == EndReason.TIMEOUT
          || reason == EndReason.INVALID_ACTION
          || reason == EndReason.DISCONNECT;
    }

    /** The one spot that is not among the recorded winners. */
    private Optional<Integer> forfeiter(ObjectNode end) {
      List<Integer> losers = new ArrayList<>();
      for (int spot = 0; spot < type.players(); spot++) {
        losers.add(spot);
      }
      end.path("winners").forEach(w -> losers.remove(Integer.valueOf(w.intValue())));
      if (losers.size() != 1) {
        report(
            step,
            "outcome",
            "end.winners",
            "a forfeit must leave exactly one spot out of the winners, got " + end.path("winners"));
        return Optional.empty();
      }
      return Optional.of(losers.get(0));
    }
  }
}

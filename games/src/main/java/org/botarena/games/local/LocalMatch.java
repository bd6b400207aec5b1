package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.botarena.games.referee.Referee;
import org.botarena.games.referee.StepRules;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayHeader;
import org.botarena.games.replay.ReplayRecorder;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.spi.Outcome;

/**
 * Plays one game between contestants with the server's rules, which the {@link Referee} holds:
 * every spot that must act is asked at once and waited for until the deadline; house bots stand in
 * for their spots as on the server.
 */
public final class LocalMatch {

  private final GameType type;
  private final ObjectNode config;
  private final long seed;
  private final List<Contestant> bySpot;
  private final StepRules rules;

  public LocalMatch(
      GameType type, ObjectNode config, long seed, List<Contestant> bySpot, StepRules rules) {
    if (bySpot.size() != type.players()) {
      throw new IllegalArgumentException(type.name() + " needs " + type.players() + " players");
    }
    this.type = type;
    this.config = type.config(config);
    this.seed = seed;
    this.bySpot = List.copyOf(bySpot);
    this.rules = rules;
  }

  /** With the protocol's default of timeouts allowed in a row. */
  public LocalMatch(
      GameType type, ObjectNode config, long seed, List<Contestant> bySpot, long deadlineMs) {
    this(
        type,
        config,
        seed,
        bySpot,
        StepRules.deadline((int) Math.min(Integer.MAX_VALUE, deadlineMs)));
  }

  /**
   * The result of one game.
   *
   * @param outcome how it ended
   * @param replay the recorded game
   */
  public record Result(Outcome outcome, Replay replay) {}

  public Result play() {
    List<String> names = new ArrayList<>();
    bySpot.forEach(c -> names.add(c.name()));
    MatchSetup setup =
        new MatchSetup(UUID.randomUUID().toString(), type, config, seed, names, rules);
    Game game = type.create(config, seed);
    ReplayRecorder recorder =
        new ReplayRecorder(
            new ReplayHeader(type.name(), type.version(), config, seed, names), game);
    Map<Integer, HouseBot> standIns = new HashMap<>();
    for (int spot = 0; spot < bySpot.size(); spot++) {
      Contestant contestant = bySpot.get(spot);
      contestant.gameStarted(setup, spot);
      if (contestant instanceof HouseContestant house) {
        standIns.put(spot, house.bot(spot));
      }
    }
    Referee referee = new Referee(game, rules, standIns);
    while (!game.finished()) {
      List<Referee.Request> asked = referee.open();
      if (!asked.isEmpty()) {
        collect(referee, asked);
      }
      if (referee.complete()) {
        recorder.step(referee.apply(), game);
      }
    }
    Outcome outcome = game.outcome();
    for (int spot = 0; spot < bySpot.size(); spot++) {
      bySpot.get(spot).gameEnded(spot, outcome, game.stats(spot));
    }
    return new Result(outcome, recorder.replay(game));
  }

  /** Asks the spots and hands the referee what comes back before the deadline, then the misses. */
  private void collect(Referee referee, List<Referee.Request> asked) {
    long round = referee.round();
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(rules.deadlineMs());
    Map<Referee.Request, CompletableFuture<JsonNode>> answers = new LinkedHashMap<>();
    for (Referee.Request r : asked) {
      answers.put(
          r, bySpot.get(r.spot()).act(r.spot(), r.seq(), r.observation(), rules.deadlineMs()));
    }
    for (Map.Entry<Referee.Request, CompletableFuture<JsonNode>> entry : answers.entrySet()) {
      if (!referee.awaiting()) {
        return; // forfeited (or complete)
      }
      int spot = entry.getKey().spot();
      try {
        JsonNode action =
            entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
        Referee.Answer answer = referee.answer(spot, entry.getKey().seq(), action);
        if (answer.verdict() == Referee.Verdict.INVALID) {
          bySpot.get(spot).rejected(spot, answer.problem());
        }
      } catch (TimeoutException late) {
        // the deadline passed: the referee hears of it below
      } catch (ExecutionException gone) {
        referee.disconnected(spot);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for spot " + spot, e);
      }
    }
    for (Referee.Miss miss : referee.deadlinePassed(round)) {
      bySpot.get(miss.spot()).missed(miss.spot(), miss.seq(), miss.message());
    }
  }
}

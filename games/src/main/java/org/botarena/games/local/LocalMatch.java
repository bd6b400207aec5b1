package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayHeader;
import org.botarena.games.replay.ReplayRecorder;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.Outcome;

/**
 * Plays one game between contestants with the server's rules: every spot that must act is asked at
 * once, a missed deadline plays the game's no-op (three in a row forfeit with {@code timeout}), an
 * invalid action forfeits with {@code invalid_action}, a bot that goes away forfeits with {@code
 * disconnect}.
 */
public final class LocalMatch {

  static final int TIMEOUTS_TO_FORFEIT = 3;

  private final GameType type;
  private final ObjectNode config;
  private final long seed;
  private final List<Contestant> bySpot;
  private final long deadlineMs;

  public LocalMatch(GameType type, ObjectNode config, long seed, List<Contestant> bySpot,
      long deadlineMs) {
    if (bySpot.size() != type.players()) {
      throw new IllegalArgumentException(type.name() + " needs " + type.players() + " players");
    }
    this.type = type;
    this.config = type.config(config);
    this.seed = seed;
    this.bySpot = List.copyOf(bySpot);
    this.deadlineMs = deadlineMs;
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
    MatchSetup setup = new MatchSetup(UUID.randomUUID().toString(), type, config, seed, names);
    Game game = type.create(config, seed);
    ReplayRecorder recorder = new ReplayRecorder(
        new ReplayHeader(type.name(), type.version(), config, seed, names), game);
    for (int spot = 0; spot < bySpot.size(); spot++) {
      bySpot.get(spot).gameStarted(setup, spot);
    }
    int[] seq = new int[bySpot.size()];
    int[] timeouts = new int[bySpot.size()];
    while (!game.finished()) {
      Map<Integer, JsonNode> actions = collect(game, seq, timeouts);
      if (!game.finished()) {
        game.apply(actions);
        recorder.step(actions, game);
      }
    }
    Outcome outcome = game.outcome();
    for (int spot = 0; spot < bySpot.size(); spot++) {
      bySpot.get(spot).gameEnded(spot, outcome, game.stats(spot));
    }
    return new Result(outcome, recorder.replay(game));
  }

  /** The actions of this step; forfeits the game instead when a spot loses it. */
  private Map<Integer, JsonNode> collect(Game game, int[] seq, int[] timeouts) {
    long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(deadlineMs);
    Map<Integer, CompletableFuture<JsonNode>> asked = new LinkedHashMap<>();
    for (int spot : game.playing()) {
      asked.put(spot, bySpot.get(spot).act(spot, ++seq[spot], game.observation(spot), deadlineMs));
    }
    Map<Integer, JsonNode> actions = new LinkedHashMap<>();
    for (Map.Entry<Integer, CompletableFuture<JsonNode>> entry : asked.entrySet()) {
      int spot = entry.getKey();
      Contestant contestant = bySpot.get(spot);
      JsonNode action;
      try {
        action = entry.getValue().get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
      } catch (TimeoutException e) {
        contestant.missed(spot, seq[spot]);
        if (++timeouts[spot] >= TIMEOUTS_TO_FORFEIT) {
          game.forfeit(spot, EndReason.TIMEOUT);
          return actions;
        }
        actions.put(spot, game.noop(spot));
        continue;
      } catch (ExecutionException e) {
        game.forfeit(spot, EndReason.DISCONNECT);
        return actions;
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for spot " + spot, e);
      }
      timeouts[spot] = 0;
      Optional<String> problem = game.validate(spot, action);
      if (problem.isPresent()) {
        contestant.rejected(spot, problem.get());
        game.forfeit(spot, EndReason.INVALID_ACTION);
        return actions;
      }
      actions.put(spot, action);
    }
    return actions;
  }
}

package org.botarena.games.local.ws;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.botarena.games.Games;
import org.botarena.games.referee.StepRules;
import org.botarena.games.replay.JsonDifference;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.support.OutcomeState;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.PlatformConfig;

/**
 * The "repeater": plays a recorded game again and sends one spot's observations to a connected bot
 * step by step, as the server did, so that a student sees what their bot saw. The game follows the
 * recorded actions whatever the bot answers; where the bot's action differs from the recorded one
 * is reported.
 */
public final class Repeater {

  /**
   * One step where the bot did not answer what was recorded.
   *
   * @param step the step (frame number)
   * @param recorded the recorded action
   * @param sent what the bot sent now (or why there is nothing)
   */
  public record Difference(int step, String recorded, String sent) {
    @Override
    public String toString() {
      return "step " + step + ": recorded " + recorded + ", bot sent " + sent;
    }
  }

  /**
   * What happened.
   *
   * @param asked how many steps the bot was asked
   * @param differences where its actions differed from the recording
   */
  public record Report(int asked, List<Difference> differences) {
    public boolean identical() {
      return differences.isEmpty();
    }
  }

  private final Replay replay;
  private final int spot;

  /** The deadline per step; a repeated game is never forfeited, so its timeouts are not counted. */
  private final StepRules rules;

  private final PrintStream log;

  public Repeater(Replay replay, int spot, long deadlineMs, PrintStream log) {
    this.replay = replay;
    this.spot = spot;
    this.rules = StepRules.deadline((int) Math.min(Integer.MAX_VALUE, deadlineMs));
    this.log = log;
  }

  public Report run(BotLobby lobby, Duration patience, String url) throws InterruptedException {
    GameType type = Games.type(replay.header().game());
    if (spot < 0 || spot >= type.players()) {
      throw new IllegalArgumentException("spot must be 0.." + (type.players() - 1));
    }
    ObjectNode config = type.config(replay.header().config());
    Game game = type.create(config, replay.header().seed());
    log.println(
        "repeating "
            + type.name()
            + " seed "
            + replay.header().seed()
            + " ("
            + replay.frames().size()
            + " steps) for spot "
            + spot
            + "; waiting for a bot on "
            + url);
    BotConnection bot = lobby.take(patience);
    if (bot == null) {
      throw new IllegalStateException("no bot connected within " + patience.toSeconds() + " s");
    }
    String gameId = UUID.randomUUID().toString();
    List<String> opponents = new ArrayList<>(replay.header().players());
    opponents.remove(spot);
    bot.send(
        new Frame.GameStart(
            gameId,
            type.name(),
            List.of(spot),
            opponents,
            PlatformConfig.told(config, rules.deadlineMs(), rules.maxTimeouts())));
    int asked = 0;
    List<Difference> differences = new ArrayList<>();
    for (ReplayFrame frame : replay.frames()) {
      if (game.playing().contains(spot)) {
        asked++;
        Optional<Difference> difference = ask(bot, game, gameId, asked, frame);
        if (difference.isPresent()) {
          differences.add(difference.get());
          if (!bot.open()) {
            return new Report(asked, differences);
          }
        }
      }
      game.apply(frame.actions());
    }
    if (replay.end() != null) {
      bot.send(OutcomeState.fromJson(replay.end()).endFrame(gameId, spot, game.stats(spot)));
    }
    return new Report(asked, differences);
  }

  private Optional<Difference> ask(
      BotConnection bot, Game game, String gameId, int seq, ReplayFrame frame)
      throws InterruptedException {
    JsonNode recorded = frame.actions().get(spot);
    Frame.Step step = new Frame.Step(gameId, spot, seq, game.observation(spot), rules.deadlineMs());
    JsonNode sent;
    try {
      sent = bot.ask(step).get(rules.deadlineMs(), TimeUnit.MILLISECONDS);
    } catch (TimeoutException e) {
      bot.expire(gameId, spot, seq);
      bot.send(
          new Frame.Error(
              ErrorCode.TIMEOUT,
              "no action for step "
                  + seq
                  + " in "
                  + rules.deadlineMs()
                  + " ms; the repeater goes on with the recorded action",
              gameId));
      return Optional.of(new Difference(frame.step(), String.valueOf(recorded), "nothing in time"));
    } catch (ExecutionException e) {
      return Optional.of(
          new Difference(frame.step(), String.valueOf(recorded), "nothing: disconnected"));
    }
    Optional<String> problem = game.validate(spot, sent);
    if (problem.isPresent()) {
      bot.send(
          new Frame.Error(
              ErrorCode.INVALID_ACTION,
              problem.get() + " (the repeater goes on with the " + "recorded action)",
              gameId));
      return Optional.of(
          new Difference(
              frame.step(), String.valueOf(recorded), sent + " (invalid: " + problem.get() + ")"));
    }
    return JsonDifference.between(recorded, sent)
        .map(d -> new Difference(frame.step(), String.valueOf(recorded), String.valueOf(sent)));
  }
}

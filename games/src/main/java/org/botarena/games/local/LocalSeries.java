package org.botarena.games.local;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import org.botarena.games.referee.StepRules;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.Outcome;

/**
 * A series of local games between two players: game i plays seed + i, with the players changing
 * spots every game unless the sides are fixed; each replay is written as {@code
 * GAME-SEED.jsonl.gz}.
 */
public final class LocalSeries {

  private final GameType type;
  private final ObjectNode config;
  private final List<Contestant> players;
  private final StepRules rules;
  private final Path replays;

  public LocalSeries(
      GameType type, ObjectNode config, List<Contestant> players, StepRules rules, Path replays) {
    if (type.players() != 2 || players.size() != 2) {
      throw new IllegalArgumentException(
          "the local runner plays two-player games; "
              + type.name()
              + " has "
              + type.players()
              + " spots");
    }
    this.type = type;
    this.config = type.config(config);
    this.players = List.copyOf(players);
    this.rules = rules;
    this.replays = replays;
  }

  /** Plays the games; {@code progress} gets one line per game. Returns p1's and p2's tallies. */
  public List<Tally> play(int games, long seed, boolean fixedSides, Consumer<String> progress) {
    List<Tally> tallies =
        List.of(new Tally("p1", players.get(0).name()), new Tally("p2", players.get(1).name()));
    for (int i = 0; i < games; i++) {
      int p1Spot = fixedSides ? 0 : i % 2;
      List<Contestant> bySpot = new ArrayList<>(List.of(players.get(0), players.get(1)));
      if (p1Spot == 1) {
        java.util.Collections.reverse(bySpot);
      }
      long gameSeed = seed + i;
      LocalMatch.Result result = new LocalMatch(type, config, gameSeed, bySpot, rules).play();
      Outcome outcome = result.outcome();
      for (int p = 0; p < 2; p++) {
        int spot = p == 0 ? p1Spot : 1 - p1Spot;
        tallies.get(p).add(outcome.resultFor(spot), outcome.scores().getOrDefault(spot, 0.0));
      }
      Path file = write(result, gameSeed);
      progress.accept(
          String.format(
              "game %d/%d seed %d: p1 on spot %d, p1 %s, %s, scores %s%s",
              i + 1,
              games,
              gameSeed,
              p1Spot,
              outcome.resultFor(p1Spot),
              outcome.reason().wire(),
              scores(outcome),
              file == null ? "" : " -> " + file));
    }
    return tallies;
  }

  private static String scores(Outcome outcome) {
    StringBuilder text = new StringBuilder();
    new java.util.TreeMap<>(outcome.scores())
        .forEach(
            (spot, score) ->
                text.append(text.length() == 0 ? "" : "-")
                    .append(
                        score == Math.rint(score)
                            ? Long.toString(score.longValue())
                            : score.toString()));
    return text.toString();
  }

  private Path write(LocalMatch.Result result, long gameSeed) {
    if (replays == null) {
      return null;
    }
    Path file = replays.resolve(type.name() + "-" + gameSeed + ".jsonl.gz");
    try {
      Files.createDirectories(replays);
      try (OutputStream out = Files.newOutputStream(file)) {
        result.replay().write(out);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write " + file, e);
    }
    return file;
  }
}

package org.botarena.games.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.botarena.games.Games;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;

/**
 * Steps per second of each game's engine alone: random actions are drawn up front, so only {@code
 * apply} (and the observations a server must send) is timed.
 *
 * <p>{@code java -cp games/target/arena-games-0.1.0-SNAPSHOT.jar:games/target/lib/*
 * org.botarena.games.bench.EngineBench [seconds per game, default 3]}
 */
public final class EngineBench {

  private EngineBench() {}

  public static void main(String[] args) {
    double seconds = args.length > 0 ? Double.parseDouble(args[0]) : 3;
    System.out.printf("%-10s %14s %14s%n", "game", "steps/s", "with obs/s");
    for (GameType type : Games.all()) {
      measure(type, seconds / 3); // warm-up
      double bare = measure(type, seconds, false);
      double withObservations = measure(type, seconds, true);
      System.out.printf("%-10s %,14.0f %,14.0f%n", type.name(), bare, withObservations);
    }
  }

  private static void measure(GameType type, double seconds) {
    measure(type, seconds, true);
  }

  /** Plays games back to back for {@code seconds}; returns the steps per second. */
  private static double measure(GameType type, double seconds, boolean observe) {
    ObjectNode config = type.config(null);
    long steps = 0;
    long timed = 0;
    long until = System.nanoTime() + (long) (seconds * 1e9);
    for (long seed = 0; System.nanoTime() < until; seed++) {
      List<Map<Integer, JsonNode>> script = script(type, config, seed);
      Game game = type.create(config, seed);
      long start = System.nanoTime();
      for (Map<Integer, JsonNode> actions : script) {
        if (game.finished()) {
          break;
        }
        if (observe) {
          for (int spot : game.playing()) {
            game.observation(spot);
          }
        }
        game.apply(actions);
        steps++;
      }
      timed += System.nanoTime() - start;
    }
    return steps / (timed / 1e9);
  }

  /** The actions of one random game, drawn with the random house bots before timing. */
  private static List<Map<Integer, JsonNode>> script(GameType type, ObjectNode config, long seed) {
    Game game = type.create(config, seed);
    List<HouseBot> bots = new ArrayList<>();
    for (int spot = 0; spot < type.players(); spot++) {
      bots.add(type.houseBots().get("random").create(config, spot, seed * 7 + spot));
    }
    List<Map<Integer, JsonNode>> script = new ArrayList<>();
    while (!game.finished()) {
      Map<Integer, JsonNode> actions = new TreeMap<>();
      for (int spot : game.playing()) {
        actions.put(spot, bots.get(spot).act(game.observation(spot)));
      }
      game.apply(actions);
      script.add(actions);
    }
    return script;
  }
}

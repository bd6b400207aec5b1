package org.botarena.games.local;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.botarena.protocol.Json;

/**
 * The command line of {@code ./arena local}.
 *
 * @param game the game type (play mode)
 * @param players the player specs by player number (p1, p2): {@code house:NAME} or {@code ws}
 * @param games how many games to play
 * @param seed the first game's seed (game i plays seed + i)
 * @param config config overrides (JSON), or null
 * @param json print the summary as JSON
 * @param replays where to write replays, or null for none
 * @param port the WebSocket server's port
 * @param deadlineMs the step deadline sent to bots
 * @param waitSeconds how long to wait for a bot to connect
 * @param fixedSides keep p1 on spot 0 (else the sides alternate game by game)
 * @param repeat the replay to repeat to a bot, or null
 * @param spot the spot whose observations are repeated
 * @param host the address the WebSocket server listens on (127.0.0.1 unless told otherwise)
 */
public record LocalOptions(
    String game,
    String[] players,
    int games,
    long seed,
    JsonNode config,
    boolean json,
    Path replays,
    int port,
    long deadlineMs,
    long waitSeconds,
    boolean fixedSides,
    Path repeat,
    int spot,
    String host) {

  static final String USAGE =
      String.join(
          "\n",
          "usage: arena local --game G [--p1 SPEC] [--p2 SPEC] [--games N] [--seed S] [--json]",
          "                   [--replays DIR | --no-replays] [--config JSON] [--fixed-sides]",
          "                   [--host H] [--port P] [--deadline-ms D] [--wait-s W]",
          "       arena local --repeat REPLAY.jsonl.gz --spot K [--host H] [--port P]"
              + " [--deadline-ms D]",
          "SPEC is house:NAME (a built-in bot) or ws (your bot, connecting to",
          "ws://localhost:P/arena/ws/bot with any token; with --p1 ws --p2 ws the token p1 or p2"
              + " says",
          "which player a bot is, any other the first free). Defaults: p1 and p2 house:random, 1"
              + " game,",
          "seed 1, replays in ./replays, host 127.0.0.1 (0.0.0.0: every interface), port 8765,",
          "deadline 1000 ms (10000 when repeating).");

  private static final Set<String> FLAGS = Set.of("json", "fixed-sides", "no-replays", "help");

  /** Parses the arguments; a wrong one is an {@link IllegalArgumentException} saying which. */
  public static LocalOptions parse(String... args) {
    Map<String, String> named = new HashMap<>();
    for (int i = 0; i < args.length; i++) {
      if (!args[i].startsWith("--")) {
        throw new IllegalArgumentException("unexpected argument '" + args[i] + "'");
      }
      String key = args[i].substring(2);
      if (FLAGS.contains(key)) {
        named.put(key, "true");
      } else if (i + 1 < args.length) {
        named.put(key, args[++i]);
      } else {
        throw new IllegalArgumentException("--" + key + " needs a value");
      }
    }
    return from(named);
  }

  private static LocalOptions from(Map<String, String> o) {
    Set<String> known =
        Set.of(
            "game",
            "p1",
            "p2",
            "games",
            "seed",
            "config",
            "json",
            "replays",
            "no-replays",
            "host",
            "port",
            "deadline-ms",
            "wait-s",
            "fixed-sides",
            "repeat",
            "spot",
            "help");
    for (String key : o.keySet()) {
      if (!known.contains(key)) {
        throw new IllegalArgumentException("unknown option --" + key);
      }
    }
    if (o.containsKey("help")) {
      throw new IllegalArgumentException("help");
    }
    Path repeat = o.containsKey("repeat") ? Path.of(o.get("repeat")) : null;
    if (repeat == null && !o.containsKey("game")) {
      throw new IllegalArgumentException("--game is required (or --repeat)");
    }
    if (repeat != null && !o.containsKey("spot")) {
      throw new IllegalArgumentException("--repeat needs --spot K");
    }
    String[] players = {o.getOrDefault("p1", "house:random"), o.getOrDefault("p2", "house:random")};
    for (String player : players) {
      if (!player.equals("ws") && !player.matches("house:[A-Za-z0-9_-]+")) {
        throw new IllegalArgumentException("a player is house:NAME or ws, got '" + player + "'");
      }
    }
    Path replays =
        o.containsKey("no-replays") ? null : Path.of(o.getOrDefault("replays", "replays"));
    JsonNode config = o.containsKey("config") ? Json.parse(o.get("config")) : null;
    long defaultDeadline = repeat == null ? 1000 : 10_000;
    return new LocalOptions(
        o.get("game"),
        players,
        number(o, "games", 1, 1, 1_000_000),
        Long.parseLong(o.getOrDefault("seed", "1")),
        config,
        o.containsKey("json"),
        replays,
        number(o, "port", 8765, 0, 65535),
        number(o, "deadline-ms", defaultDeadline, 1, 3_600_000),
        number(o, "wait-s", 300, 1, 86_400),
        o.containsKey("fixed-sides"),
        repeat,
        number(o, "spot", 0, 0, 64),
        host(o.getOrDefault("host", "127.0.0.1")));
  }

  private static String host(String host) {
    if (!host.matches("[A-Za-z0-9.:-]{1,253}")) {
      throw new IllegalArgumentException(
          "--host must be an address or a host name, got '" + host + "'");
    }
    return host;
  }

  private static int number(Map<String, String> o, String key, long fallback, long min, long max) {
    long value;
    try {
      value = o.containsKey(key) ? Long.parseLong(o.get(key)) : fallback;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          "--" + key + " must be a number, got '" + o.get(key) + "'");
    }
    if (value < min || value > max) {
      throw new IllegalArgumentException("--" + key + " must be in " + min + ".." + max);
    }
    return (int) value;
  }

  boolean anyWs() {
    return players[0].equals("ws") || players[1].equals("ws");
  }
}

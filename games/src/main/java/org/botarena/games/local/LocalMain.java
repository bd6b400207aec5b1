package org.botarena.games.local;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.botarena.games.Games;
import org.botarena.games.local.ws.BotLobby;
import org.botarena.games.local.ws.BotServer;
import org.botarena.games.local.ws.RemoteContestant;
import org.botarena.games.local.ws.Repeater;
import org.botarena.games.referee.StepRules;
import org.botarena.games.replay.Replay;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;

/** {@code ./arena local ...}: see {@link LocalOptions#USAGE} and docs/games.md. */
public final class LocalMain {

  private LocalMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** Runs the command; returns the exit code (0 fine, 1 repeated actions differ, 2 usage error). */
  public static int run(String[] args, PrintStream out, PrintStream err) {
    LocalOptions options;
    try {
      options = LocalOptions.parse(args);
    } catch (IllegalArgumentException e) {
      if (!e.getMessage().equals("help")) {
        err.println("error: " + e.getMessage());
      }
      err.println(LocalOptions.USAGE);
      return e.getMessage().equals("help") ? 0 : 2;
    }
    try {
      return options.repeat() != null ? repeat(options, out, err) : play(options, out, err);
    } catch (IllegalArgumentException | IllegalStateException | IOException e) {
      err.println("error: " + e.getMessage());
      return 2;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return 2;
    }
  }

  private static int play(LocalOptions options, PrintStream out, PrintStream err)
      throws IOException {
    GameType type = Games.type(options.game());
    for (String player : options.players()) {
      String bot = player.startsWith("house:") ? player.substring("house:".length()) : null;
      if (bot != null && !type.houseBots().containsKey(bot)) {
        throw new IllegalArgumentException(
            type.name()
                + " has no house bot '"
                + bot
                + "' (it has: "
                + String.join(", ", new java.util.TreeSet<>(type.houseBots().keySet()))
                + ")");
      }
    }
    try (BotLobby lobby = new BotLobby(err, type.name());
        BotServer server =
            options.anyWs() ? BotServer.start(options.host(), options.port(), lobby) : null) {
      List<Contestant> players = new ArrayList<>();
      // with two bots on the server, the token p1 or p2 says which player a bot is
      Set<String> names = Set.of("p1", "p2");
      for (int p = 0; p < 2; p++) {
        String player = options.players()[p];
        players.add(
            player.equals("ws")
                ? new RemoteContestant(
                    lobby,
                    Duration.ofSeconds(options.waitSeconds()),
                    err,
                    server.url(),
                    "p" + (p + 1),
                    names)
                : new HouseContestant(player.substring("house:".length())));
      }
      // --config may hold the platform's keys (deadline_ms, max_timeouts) as a match config does
      StepRules rules =
          StepRules.of(
              options.config(),
              StepRules.deadline((int) Math.min(Integer.MAX_VALUE, options.deadlineMs())));
      ObjectNode config = type.config(PlatformConfig.gameConfig(options.config()));
      LocalSeries series = new LocalSeries(type, config, players, rules, options.replays());
      PrintStream progress = options.json() ? err : out;
      List<Tally> tallies =
          series.play(options.games(), options.seed(), options.fixedSides(), progress::println);
      print(options, config, tallies, out);
    }
    return 0;
  }

  private static void print(
      LocalOptions options, ObjectNode config, List<Tally> tallies, PrintStream out) {
    if (options.json()) {
      ObjectNode summary =
          Json.object()
              .put("game", options.game())
              .put("games", options.games())
              .put("seed", options.seed());
      summary.set("config", config);
      ArrayNode players = summary.putArray("players");
      tallies.forEach(t -> players.add(t.toJson()));
      summary.put("replays", options.replays() == null ? null : options.replays().toString());
      out.println(Json.write(summary));
      return;
    }
    out.println(options.game() + ": " + options.games() + " game(s) from seed " + options.seed());
    tallies.forEach(out::println);
    if (options.replays() != null) {
      out.println("replays in " + options.replays().toAbsolutePath());
    }
  }

  private static int repeat(LocalOptions options, PrintStream out, PrintStream err)
      throws IOException, InterruptedException {
    Replay replay;
    try (InputStream in = Files.newInputStream(options.repeat())) {
      replay = Replay.read(in);
    }
    try (BotLobby lobby = new BotLobby(err);
        BotServer server = BotServer.start(options.host(), options.port(), lobby)) {
      Repeater.Report report =
          new Repeater(replay, options.spot(), options.deadlineMs(), err)
              .run(lobby, Duration.ofSeconds(options.waitSeconds()), server.url());
      out.println(
          "spot "
              + options.spot()
              + ": asked "
              + report.asked()
              + " steps, "
              + (report.identical()
                  ? "every action matched the recording"
                  : report.differences().size() + " differed"));
      report.differences().stream().limit(20).forEach(d -> out.println("  " + d));
      return report.identical() ? 0 : 1;
    }
  }
}

package org.botarena.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code java -jar arena-client.jar [--url URL] [--token T] [--games N] [--game-types G,...]
 * [--no-reconnect] AGENT_CLASS}: plays an agent (a class with a no-argument constructor, on the
 * class path) until Ctrl-C.
 */
public final class Main {

  static final String DEFAULT_URL = "ws://localhost:8080/arena/ws/bot";
  private static final String USAGE =
      "usage: java -cp arena-client.jar:mybot.jar org.botarena.client.Main"
          + " [--url URL] [--token T] [--games N] [--game-types G,...] [--no-reconnect]"
          + " AGENT_CLASS\n"
          + "  --game-types: the training games wanted (default: every one the server has)\n"
          + "  --url defaults to $ARENA_URL or "
          + DEFAULT_URL
          + "; --token to $ARENA_TOKEN"
          + " (which keeps it out of the process list)";

  private Main() {}

  public static void main(String[] args) throws InterruptedException {
    System.exit(run(args, null));
  }

  /** Runs with the arguments; {@code agent} (if not null) replaces the AGENT_CLASS argument. */
  static int run(String[] args, Agent agent) throws InterruptedException {
    String url = System.getenv().getOrDefault("ARENA_URL", DEFAULT_URL);
    String token = System.getenv("ARENA_TOKEN");
    int games = Integer.MAX_VALUE;
    boolean reconnect = true;
    String[] gameTypes = null;
    List<String> rest = new ArrayList<>();
    try {
      for (int i = 0; i < args.length; i++) {
        switch (args[i]) {
          case "--url" -> url = args[++i];
          case "--token" -> token = args[++i];
          case "--games" -> games = Integer.parseInt(args[++i]);
          case "--game-types" -> gameTypes = args[++i].split(",");
          case "--no-reconnect" -> reconnect = false;
          default -> rest.add(args[i]);
        }
      }
      if (agent == null) {
        if (rest.size() != 1) {
          throw new IllegalArgumentException("name one agent class");
        }
        agent = load(rest.get(0));
      }
      if (token == null) {
        throw new IllegalArgumentException("a token is needed: --token T or ARENA_TOKEN");
      }
    } catch (ArrayIndexOutOfBoundsException | IllegalArgumentException e) {
      System.err.println(
          "error: "
              + (e instanceof ArrayIndexOutOfBoundsException
                  ? "an option's value is missing"
                  : e.getMessage()));
      System.err.println(USAGE);
      return 2;
    }
    ArenaClient client =
        new ArenaClient(URI.create(url), token, agent).maxGames(games).reconnect(reconnect);
    if (gameTypes != null) {
      client.games(gameTypes);
    }
    Runtime.getRuntime().addShutdownHook(new Thread(client::close)); // Ctrl-C closes cleanly
    try {
      int played = client.run();
      System.err.println("played " + played + " game(s): " + client.results());
      return 0;
    } catch (FatalCloseException refused) {
      System.err.println("the server refused the bot: " + refused.getMessage());
      return 2;
    }
  }

  private static Agent load(String name) {
    try {
      Object agent = Class.forName(name).getDeclaredConstructor().newInstance();
      if (agent instanceof Agent a) {
        return a;
      }
      throw new IllegalArgumentException(name + " does not implement org.botarena.client.Agent");
    } catch (ReflectiveOperationException e) {
      throw new IllegalArgumentException("cannot create agent " + name + ": " + e);
    }
  }
}

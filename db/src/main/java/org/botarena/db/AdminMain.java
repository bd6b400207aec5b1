package org.botarena.db;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.flywaydb.core.api.output.MigrateResult;

/**
 * {@code ./arena admin ...}: database set-up and account operations for scripts. The database comes
 * from {@code ARENA_DB_URL}, {@code ARENA_DB_USER}, {@code ARENA_DB_PASSWORD}.
 */
public final class AdminMain {

  static final String USAGE =
      """
      usage: ./arena admin COMMAND
        init                                   create the database if absent and migrate it
        migrate                                apply pending schema migrations
        add-team TEAM
        add-user NAME --password P [--role admin] [--team TEAM]   (a password of 12 characters or more)
        set-password NAME --password P         a user's new password
        disable-user NAME / enable-user NAME   a disabled user cannot sign in (their session ends too)
        add-bot --team TEAM NAME [--reuse]     prints the bot's token as the last line
        rename-bot NAME NEW_NAME               the old name stays in the bot's history
        reset-ratings [--yes]                  every bot back to the initial rating
        reset-games [--yes]                    delete finished training and debug matches and all ratings
        new-season --game G [--yes]            a new season of G's training arena: ratings start over
        create-tournament NAME --game G --format exhaustive|random-draw [--group-size 5] [--rounds 1]
                          [--config JSON] [--opens-in SECONDS]
        enter-tournament NAME BOT...           enter bots (they play when connected at a round's start)
        withdraw-tournament NAME BOT           withdraw a bot before the first round has started
        open-tournament NAME                   open it now instead of at its planned time
        tournament NAME                        where the tournament stands
        verify-replays [--sample N] [--game G] play stored replays again from seed and actions; every
                                               mismatch with its match, step and path; exit 1 if any
        arenas                                 the training arenas and their settings
        arena GAME [--set KEY=VALUE]... [--unset KEY]...
                                               a training arena's game config (--set config=JSON) and
                                               matchmaking settings, applied at the leader's next pass;
                                               --unset goes back to the default (arena.matchmaking.KEY)
      """;

  /** Flyway logs through java.util.logging here (no other logging library on the CLI's path). */
  private static final Logger FLYWAY_LOG = Logger.getLogger("org.flywaydb");

  private AdminMain() {}

  public static void main(String[] args) {
    try {
      System.exit(run(args));
    } catch (IllegalArgumentException e) {
      System.err.println("error: " + e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("error: " + e);
      System.exit(1);
    }
  }

  static int run(String[] args) throws Exception {
    if (args.length == 0
        || args[0].equals("--help")
        || args[0].equals("-h")
        || args[0].equals("help")) {
      System.out.print(USAGE);
      return args.length == 0 ? 2 : 0;
    }
    Map<String, String> options = new HashMap<>();
    List<String> words = parse(args, options);
    Database database = new Database(DatabaseSettings.fromEnvironment());
    AdminCommands commands = new AdminCommands(database);
    switch (words.get(0)) {
      case "init" -> {
        if (database.createIfAbsent()) {
          System.out.println(
              "created database " + DatabaseSettings.fromEnvironment().databaseName());
        }
        System.out.println(migrate(database));
      }
      case "migrate" -> System.out.println(migrate(database));
      case "rename-bot" -> {
        commands.renameBot(argument(words, 1, "NAME"), argument(words, 2, "NEW_NAME"));
        System.out.println("renamed");
      }
      case "add-team" -> {
        commands.addTeam(argument(words, 1, "TEAM"));
        System.out.println("team created");
      }
      case "add-user" -> {
        String role = options.getOrDefault("role", "user").toUpperCase(java.util.Locale.ROOT);
        if (!role.equals("USER") && !role.equals("ADMIN")) {
          throw new IllegalArgumentException("--role must be user or admin");
        }
        commands.addUser(
            argument(words, 1, "NAME"), required(options, "password"), role, options.get("team"));
        System.out.println("user created");
      }
      case "set-password" -> {
        commands.setPassword(argument(words, 1, "NAME"), required(options, "password"));
        System.out.println("password set");
      }
      case "disable-user", "enable-user" -> {
        boolean disable = words.get(0).equals("disable-user");
        commands.setDisabled(argument(words, 1, "NAME"), disable);
        System.out.println(disable ? "user disabled" : "user enabled");
      }
      case "add-bot" -> {
        String token =
            commands.addBot(
                required(options, "team"),
                argument(words, 1, "NAME"),
                options.containsKey("reuse"));
        System.out.println("bot ready; its token (shown once):");
        System.out.println(token);
      }
      case "reset-ratings" -> {
        if (confirmed(options, "reset every rating")) {
          System.out.println(commands.resetRatings() + " ratings reset");
        }
      }
      case "reset-games" -> {
        if (confirmed(
            options,
            "delete every finished training and debug match, its replay, and every rating")) {
          System.out.println(commands.resetGames() + " matches deleted");
        }
      }
      case "new-season" -> {
        String game = required(options, "game");
        if (confirmed(
            options,
            "end the season of " + game + "'s training arena and start every rating over")) {
          System.out.println("season " + commands.startSeason(game) + " of " + game + " started");
        }
      }
      case "create-tournament" -> {
        new TournamentCommands(database)
            .create(
                argument(words, 1, "NAME"),
                required(options, "game"),
                required(options, "format"),
                Integer.parseInt(options.getOrDefault("group-size", "5")),
                Integer.parseInt(options.getOrDefault("rounds", "1")),
                options.getOrDefault("config", "{}"),
                Integer.parseInt(options.getOrDefault("opens-in", "0")));
        System.out.println("tournament created");
      }
      case "enter-tournament" -> {
        String warning =
            new TournamentCommands(database)
                .enter(argument(words, 1, "NAME"), words.subList(2, Math.max(2, words.size())));
        if (warning != null) {
          System.out.println(warning);
        }
        System.out.println("entered");
      }
      case "arenas" -> System.out.println(new ArenaCommands(database).list());
      case "arena" -> {
        String game = argument(words, 1, "GAME");
        Map<String, String> set = new java.util.LinkedHashMap<>();
        for (String assignment : repeated(options, "set")) {
          Map.Entry<String, String> kv = ArenaSettings.assignment(assignment);
          if (set.put(kv.getKey(), kv.getValue()) != null) {
            throw new IllegalArgumentException("--set " + kv.getKey() + " is given twice");
          }
        }
        java.util.Set<String> unset = new java.util.LinkedHashSet<>(repeated(options, "unset"));
        System.out.println(new ArenaCommands(database).change(game, set, unset));
      }
      case "withdraw-tournament" -> {
        new TournamentCommands(database)
            .withdraw(argument(words, 1, "NAME"), argument(words, 2, "BOT"));
        System.out.println("withdrawn");
      }
      case "open-tournament" ->
          System.out.println(
              new TournamentCommands(database).openNow(argument(words, 1, "NAME"))
                  ? "opened"
                  : "it was open already");
      case "tournament" ->
          System.out.println(new TournamentCommands(database).status(argument(words, 1, "NAME")));
      case "verify-replays" -> {
        int sample = integer(options, "sample", 0);
        if (options.containsKey("sample") && sample < 1) {
          throw new IllegalArgumentException("--sample must be 1 or more, got " + sample);
        }
        String game = options.get("game");
        if (game != null && !org.botarena.games.Games.exists(game)) {
          throw new IllegalArgumentException(
              "unknown game '"
                  + game
                  + "'; installed here: "
                  + String.join(
                      ", ",
                      org.botarena.games.Games.all().stream()
                          .map(org.botarena.games.spi.GameType::name)
                          .toList()));
        }
        return verifyReplays(database, game, sample, new ReplayVerifications(), System.out);
      }
      default ->
          throw new IllegalArgumentException("unknown command '" + words.get(0) + "'\n" + USAGE);
    }
    return 0;
  }

  /**
   * Plays the chosen stored replays again, stores each outcome (the operations page shows them) and
   * prints every mismatch, one line each, then a summary line; 1 if any replay differs, else 0.
   */
  static int verifyReplays(
      Database database,
      String game,
      int sample,
      ReplayVerifications verifications,
      java.io.PrintStream out)
      throws java.sql.SQLException {
    int checked = 0;
    int differing = 0;
    int mismatches = 0;
    int skipped = 0;
    long frames = 0;
    try (java.sql.Connection c = database.connect()) {
      c.setAutoCommit(
          false); // one transaction a replay (the leader may check one at the same time)
      List<java.util.UUID> matches = ReplayVerifications.select(c, game, sample);
      c.commit();
      for (java.util.UUID match : matches) {
        java.util.Optional<ReplayVerifications.Result> result =
            verifications.check(c, match, "cli");
        c.commit();
        if (result.isEmpty()) {
          skipped++;
          continue;
        }
        ReplayVerifications.Result r = result.get();
        checked++;
        frames += r.frames();
        if (!r.ok()) {
          differing++;
          mismatches += r.mismatches().size();
          for (var m : r.mismatches()) {
            out.println(
                "match "
                    + r.match()
                    + " ("
                    + r.game()
                    + "): step "
                    + m.step()
                    + ", "
                    + m.part()
                    + " at "
                    + m.path()
                    + ": "
                    + m.detail());
          }
        }
      }
    }
    out.println(
        "verified "
            + checked
            + (checked == 1 ? " replay (" : " replays (")
            + frames
            + " frames): "
            + (checked - differing)
            + " consistent, "
            + differing
            + " with mismatches ("
            + mismatches
            + (mismatches == 1 ? " mismatch)" : " mismatches)")
            + (skipped > 0
                ? "; " + skipped + " skipped (dropped meanwhile, or a game not installed here)"
                : ""));
    return differing > 0 ? 1 : 0;
  }

  private static int integer(Map<String, String> options, String key, int otherwise) {
    String value = options.get(key);
    if (value == null) {
      return otherwise;
    }
    try {
      return Integer.parseInt(value);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("--" + key + " must be a number, got '" + value + "'");
    }
  }

  /**
   * Migrates with Flyway's INFO records (two lines each, one per step) silenced, its warnings and
   * errors still shown; returns the one line that says where the schema is.
   */
  static String migrate(Database database) {
    Level before = FLYWAY_LOG.getLevel();
    FLYWAY_LOG.setLevel(Level.WARNING);
    try {
      return schemaLine(database.migrate());
    } finally {
      FLYWAY_LOG.setLevel(before);
    }
  }

  /**
   * {@code schema at version 12 (2 migrations applied)} or {@code schema up to date at version 12}.
   */
  static String schemaLine(MigrateResult result) {
    int applied = result.migrationsExecuted;
    if (applied == 0) {
      return result.initialSchemaVersion == null
          ? "schema empty (no migrations found)"
          : "schema up to date at version " + result.initialSchemaVersion;
    }
    return "schema at version "
        + result.targetSchemaVersion
        + " ("
        + applied
        + (applied == 1 ? " migration" : " migrations")
        + " applied)";
  }

  /** Splits {@code --key value} options (and bare flags) from positional words. */
  static List<String> parse(String[] args, Map<String, String> options) {
    List<String> words = new ArrayList<>();
    for (int i = 0; i < args.length; i++) {
      if (args[i].startsWith("--")) {
        String key = args[i].substring(2);
        boolean flag = key.equals("yes") || key.equals("reuse");
        if (!flag && i + 1 >= args.length) {
          throw new IllegalArgumentException("--" + key + " needs a value");
        }
        String value = flag ? "true" : args[++i];
        // --set and --unset may be given several times: their values are kept one a line
        options.merge(key, value, REPEATABLE.contains(key) ? (a, b) -> a + "\n" + b : (a, b) -> b);
      } else {
        words.add(args[i]);
      }
    }
    return words;
  }

  /** Options that may come several times ({@link #repeated}). */
  private static final java.util.Set<String> REPEATABLE = java.util.Set.of("set", "unset");

  /** The values of a repeatable option, in the order given. */
  static List<String> repeated(Map<String, String> options, String key) {
    String values = options.get(key);
    return values == null ? List.of() : List.of(values.split("\n", -1));
  }

  private static String argument(List<String> words, int index, String name) {
    if (words.size() <= index) {
      throw new IllegalArgumentException(name + " is missing\n" + USAGE);
    }
    return words.get(index);
  }

  private static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return value;
  }

  private static boolean confirmed(Map<String, String> options, String what) throws Exception {
    if (options.containsKey("yes")) {
      return true;
    }
    System.out.print("This will " + what + ". Type 'yes' to go on: ");
    System.out.flush();
    String answer =
        new BufferedReader(new InputStreamReader(System.in, StandardCharsets.UTF_8)).readLine();
    if ("yes".equals(answer == null ? null : answer.trim())) {
      return true;
    }
    System.out.println("nothing changed");
    return false;
  }
}

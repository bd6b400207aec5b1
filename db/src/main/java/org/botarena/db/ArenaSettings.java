package org.botarena.db;

import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import org.botarena.games.Games;
import org.botarena.games.StoredConfig;

/**
 * The one rule for a training arena's settings, for the admin page and the admin CLI alike: which
 * keys there are, what each means, and which values each takes. A key an arena does not set takes
 * the operator's MicroProfile Config value ({@code arena.matchmaking.KEY}); the leader reads an
 * arena's settings at each pass, so a change applies without a restart. Values are kept in their
 * canonical text form ({@link #normalize}); {@link #CONFIG} is the arena's game config (a JSON
 * object checked by {@link StoredConfig}).
 */
public final class ArenaSettings {

  /** The arena's game config: not a matchmaking key, stored in {@code arenas.config}. */
  public static final String CONFIG = "config";

  /** A setting: its key, what it means, and the rule for its values. */
  public record Key(String name, String meaning, String rule, Check check) {
    /** The MicroProfile Config key of its default. */
    public String configKey() {
      return "arena.matchmaking." + name;
    }
  }

  /** Checks a value for a game; returns its canonical form or throws with the reason. */
  @FunctionalInterface
  public interface Check {
    String canonical(String gameType, String value);
  }

  private static final Map<String, Key> KEYS = new LinkedHashMap<>();

  static {
    add(
        "interval-ms",
        "longest pause between two matchmaking passes of this arena (events wake it sooner)",
        "a whole number from 50 to 60000",
        integer(50, 60_000));
    add(
        "threshold",
        "the score (draw probability + waiting bonus) a pair must exceed",
        "a number from 0 to 1",
        decimal(0, 1));
    add(
        "waiting-bonus-per-minute",
        "added to a pair's score per combined minute of waiting",
        "a number from 0 to 10",
        decimal(0, 10));
    add(
        "strategy",
        "how pairs are picked among the acceptable ones",
        "best-set, first-acceptable, gaussian-leaderboard or information-gain (docs/ratings.md)",
        (game, v) ->
            oneOf(
                v,
                List.of(
                    "best-set", "first-acceptable", "gaussian-leaderboard", "information-gain")));
    add(
        "keep-waiting-share",
        "share of the arena's online bots left waiting after a pass, so the next one has choice",
        "a number from 0 to 0.9",
        decimal(0, 0.9));
    add(
        "keep-waiting-passes",
        "how many passes in a row the kept share may hold a bot back (0: no limit)",
        "a whole number from 0 to 10",
        integer(0, 10));
    add(
        "cool-down-games",
        "two bots do not meet again until each has played this many other games in the arena,"
            + " unless neither has anybody else",
        "a whole number from 0 to 20",
        integer(0, 20));
    add(
        "cool-down-seconds",
        "two bots do not meet again within this many seconds unless neither has anybody else",
        "a whole number from 0 to 86400",
        integer(0, 86_400));
    add(
        "house-fill.bots",
        "house bots that fill in for missing opponents",
        "all, none, or a comma-separated list of the game's house bots",
        ArenaSettings::houseBots);
    add(
        "house-fill.min-online",
        "house bots fill in only while fewer of the arena's bots than this are connected",
        "a whole number from 0 to 100000",
        integer(0, 100_000));
    add(
        "house-fill.after-seconds",
        "how long a bot waits for a real opponent before it gets a house bot",
        "a whole number from 0 to 3600",
        integer(0, 3600));
  }

  private ArenaSettings() {}

  private static void add(String name, String meaning, String rule, Check check) {
    KEYS.put(name, new Key(name, meaning, rule, check));
  }

  /** The matchmaking keys an arena may set, in the order the page and the CLI list them. */
  public static List<Key> keys() {
    return List.copyOf(KEYS.values());
  }

  /** The keys by name, {@link #CONFIG} included (for messages). */
  public static Set<String> names() {
    Set<String> names = new java.util.LinkedHashSet<>(KEYS.keySet());
    names.add(CONFIG);
    return names;
  }

  /**
   * The canonical form of {@code value} for {@code key} in {@code gameType}'s arena, or an {@link
   * IllegalArgumentException} that names the key, the rule and the value.
   */
  public static String normalize(String gameType, String key, String value) {
    if (!Games.exists(gameType)) {
      StoredConfig.check(gameType, "{}"); // says which games there are
    }
    if (CONFIG.equals(key)) {
      return StoredConfig.check(gameType, value);
    }
    Key k = KEYS.get(key);
    if (k == null) {
      throw new IllegalArgumentException(
          "No arena setting '" + key + "'; the settings are " + String.join(", ", names()) + ".");
    }
    String v = value == null ? "" : value.strip();
    try {
      return k.check().canonical(gameType, v);
    } catch (IllegalArgumentException e) {
      String why = e.getMessage() == null ? "" : " (" + e.getMessage() + ")";
      throw new IllegalArgumentException(
          "'" + key + "' must be " + k.rule() + ", got '" + v + "'" + why + ".");
    }
  }

  /**
   * The changes checked as one: each {@code key=value} normalised, all or none (the first bad one
   * throws).
   */
  public static Map<String, String> normalizeAll(String gameType, Map<String, String> changes) {
    Map<String, String> canonical = new TreeMap<>();
    changes.forEach((k, v) -> canonical.put(k, normalize(gameType, k, v)));
    return canonical;
  }

  /** {@code key=value} into its two halves, or an {@link IllegalArgumentException}. */
  public static Map.Entry<String, String> assignment(String text) {
    int eq = text.indexOf('=');
    if (eq <= 0) {
      throw new IllegalArgumentException(
          "--set takes key=value, e.g. threshold=0.3; got '" + text + "'");
    }
    return Map.entry(text.substring(0, eq).strip(), text.substring(eq + 1));
  }

  /**
   * The value in force: the arena's own ({@code overrides}), else the operator's ({@code defaults}:
   * MicroProfile Config by key name).
   */
  public static String effective(
      String key, Map<String, String> overrides, UnaryOperator<String> defaults) {
    String own = overrides.get(key);
    return own != null ? own : defaults.apply(key);
  }

  private static Check integer(long min, long max) {
    return (game, v) -> {
      long n;
      try {
        n = Long.parseLong(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a whole number");
      }
      if (n < min || n > max) {
        throw new IllegalArgumentException("out of range");
      }
      return Long.toString(n);
    };
  }

  private static Check decimal(double min, double max) {
    return (game, v) -> {
      double d;
      try {
        d = Double.parseDouble(v);
      } catch (NumberFormatException e) {
        throw new IllegalArgumentException("not a number");
      }
      if (!(d >= min && d <= max)) {
        throw new IllegalArgumentException("out of range");
      }
      return Double.toString(d);
    };
  }

  private static String oneOf(String v, List<String> allowed) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (!allowed.contains(lower)) {
      throw new IllegalArgumentException("not one of them");
    }
    return lower;
  }

  private static String houseBots(String game, String v) {
    String lower = v.toLowerCase(Locale.ROOT);
    if (lower.equals("all") || lower.equals("none")) {
      return lower;
    }
    Set<String> available = Games.type(game).houseBots().keySet();
    List<String> names = Arrays.stream(v.split(",")).map(String::strip).toList();
    if (names.isEmpty() || names.stream().anyMatch(String::isEmpty)) {
      throw new IllegalArgumentException("an empty name");
    }
    for (String name : names) {
      if (!available.contains(name)) {
        throw new IllegalArgumentException(
            game
                + " has no house bot '"
                + name
                + "'; it has "
                + new java.util.TreeSet<>(available));
      }
    }
    return String.join(",", names);
  }
}

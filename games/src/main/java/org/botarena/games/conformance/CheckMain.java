package org.botarena.games.conformance;

import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.botarena.games.Games;
import org.botarena.games.plugin.GameJars;
import org.botarena.games.spi.GameType;

/**
 * {@code ./arena games check JAR [--playouts N]}: loads a game jar as the games folder would and
 * runs the conformance kit on each of its game types; prints one line per check and exits 0 when
 * everything passed, 1 with the failing checks, 2 on a usage error.
 */
public final class CheckMain {

  static final String USAGE =
      "usage: ./arena games check JAR [--playouts N]\n"
          + "  loads JAR as the games folder would and runs the conformance kit on its games\n"
          + "  (random play-outs, "
          + GameConformance.PLAYOUTS
          + " by default; determinism; state round trip; invalid actions;\n"
          + "  forfeit); exit code 0 when it conforms, 1 with the failing checks";

  private CheckMain() {}

  public static void main(String[] args) {
    System.exit(run(args, System.out, System.err));
  }

  /** What {@link #main} does, printing to {@code out} and {@code err}; returns the exit code. */
  static int run(String[] args, PrintStream out, PrintStream err) {
    Path jar = null;
    int playouts = GameConformance.PLAYOUTS;
    for (int i = 0; i < args.length; i++) {
      String arg = args[i];
      if (arg.equals("--help") || arg.equals("-h")) {
        out.println(USAGE);
        return 0;
      } else if (arg.equals("--playouts")) {
        if (i + 1 == args.length) {
          return usage(err, "--playouts needs a number");
        }
        try {
          playouts = Integer.parseInt(args[++i]);
        } catch (NumberFormatException e) {
          return usage(err, "--playouts needs a number, got " + args[i]);
        }
        if (playouts < 1) {
          return usage(err, "--playouts must be 1 or more, got " + playouts);
        }
      } else if (arg.startsWith("-")) {
        return usage(err, "unknown option " + arg);
      } else if (jar == null) {
        jar = Path.of(arg);
      } else {
        return usage(err, "one jar at a time, got " + jar + " and " + arg);
      }
    }
    if (jar == null) {
      return usage(err, "which jar?");
    }
    return check(jar, playouts, out);
  }

  private static int usage(PrintStream err, String problem) {
    err.println("error: " + problem);
    err.println(USAGE);
    return 2;
  }

  private static int check(Path jar, int playouts, PrintStream out) {
    if (!Files.isRegularFile(jar)) {
      out.println("FAIL load: " + jar + " is not a file");
      return 1;
    }
    ClassLoader own = Games.class.getClassLoader();
    GameJars.Scan scan = GameJars.load(List.of(jar), own, Games.discover(own));
    try (var loader = scan.loader()) {
      for (GameJars.Skipped skipped : scan.skipped()) {
        out.println("FAIL load: " + skipped.reason());
        out.println(jar.getFileName() + " does not conform: the games folder would skip it");
        return 1;
      }
      int failed = 0;
      int checks = 0;
      for (GameJars.Loaded loaded : scan.loaded()) {
        GameType type = loaded.type();
        out.println(
            "game '"
                + type.name()
                + "' version "
                + type.version()
                + ", "
                + type.players()
                + " players ("
                + type.getClass().getName()
                + ")");
        ConformanceReport report;
        try {
          report = new GameConformance(type).run(playouts);
        } catch (RuntimeException | LinkageError e) {
          // the kit's constructor asks for the default config: a game that cannot give one
          out.println("  FAIL config: config(null) threw " + e);
          failed++;
          checks++;
          continue;
        }
        for (ConformanceReport.Result result : report.checks()) {
          out.println(
              result.passed()
                  ? "  PASS " + result.name()
                  : "  FAIL " + result.name() + ": " + result.problem());
        }
        failed += report.failures().size();
        checks += report.checks().size();
      }
      if (failed == 0) {
        out.println(jar.getFileName() + " conforms: " + checks + " checks passed");
        return 0;
      }
      out.println(
          jar.getFileName() + " does not conform: " + failed + " of " + checks + " checks failed");
      return 1;
    } catch (IOException e) {
      throw new IllegalStateException("closing the class loader failed", e);
    }
  }
}

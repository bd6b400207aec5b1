package org.botarena.games.plugin;

import java.io.IOException;
import java.lang.System.Logger.Level;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Stream;
import org.botarena.games.spi.GameType;

/**
 * The games folder: the jars of lecturers' games, loaded once at start by {@link
 * org.botarena.games.Games} (so by the server's runners, the local runner and the replay tools
 * alike). Where it is, first that applies:
 *
 * <ol>
 *   <li>the system property {@value #PROPERTY};
 *   <li>the environment variable {@value #VARIABLE} (the launcher sets it: {@code games.d} under
 *       the project by default);
 *   <li>{@code games.d} in the domain's folder on Payara Server ({@code ${com.sun.aas.instanceRoot}
 *       /games.d}, e.g. {@code glassfish/domains/domain1/games.d});
 *   <li>{@code games.d} in the working directory.
 * </ol>
 *
 * A relative path is taken from the working directory. A folder that does not exist means the
 * built-in games only.
 */
public final class GamesFolder {

  /** The system property that names the folder. */
  public static final String PROPERTY = "arena.games.dir";

  /** The environment variable that names the folder (below the system property). */
  public static final String VARIABLE = "ARENA_GAMES_DIR";

  /** The folder's name where neither is set. */
  public static final String DEFAULT_NAME = "games.d";

  private static final System.Logger LOG = System.getLogger(GamesFolder.class.getName());

  private GamesFolder() {}

  /** The folder by the rules above, from this JVM's system properties and environment. */
  public static Path configured() {
    return locate(System::getProperty, System::getenv);
  }

  /** The folder by the rules above, from the given system properties and environment. */
  static Path locate(Function<String, String> properties, Function<String, String> environment) {
    for (String given : new String[] {properties.apply(PROPERTY), environment.apply(VARIABLE)}) {
      if (given != null && !given.isBlank()) {
        return Path.of(given.strip()).toAbsolutePath().normalize();
      }
    }
    String instanceRoot = properties.apply("com.sun.aas.instanceRoot");
    Path base =
        instanceRoot == null || instanceRoot.isBlank() ? Path.of("") : Path.of(instanceRoot);
    return base.resolve(DEFAULT_NAME).toAbsolutePath().normalize();
  }

  /** The folder's {@code *.jar} files by name (other files are not looked at). */
  public static List<Path> jars(Path folder) throws IOException {
    try (Stream<Path> files = Files.list(folder)) {
      return files
          .filter(f -> f.getFileName().toString().endsWith(".jar") && Files.isRegularFile(f))
          .sorted()
          .toList();
    }
  }

  /**
   * The game types of the folder's jars, loaded with one class loader whose parent is {@code
   * parent}; every loaded game and every skipped jar gets a log line. Never throws: a folder that
   * cannot be read is logged and gives no games.
   */
  public static Map<String, GameType> load(
      Path folder, ClassLoader parent, Map<String, GameType> builtIn) {
    if (!Files.exists(folder)) {
      LOG.log(Level.INFO, "games folder {0} does not exist: the built-in games only", folder);
      return Map.of();
    }
    List<Path> jars;
    try {
      jars = jars(folder);
    } catch (IOException | RuntimeException e) {
      LOG.log(
          Level.WARNING,
          "games folder {0} cannot be read ({1}): its games are left out",
          folder,
          e);
      return Map.of();
    }
    GameJars.Scan scan = GameJars.load(jars, parent, builtIn);
    for (GameJars.Skipped skipped : scan.skipped()) {
      LOG.log(
          Level.WARNING,
          "games folder {0}: skipped {1}: {2}",
          folder,
          skipped.jar().getFileName(),
          skipped.reason());
    }
    for (GameJars.Loaded loaded : scan.loaded()) {
      GameType type = loaded.type();
      LOG.log(
          Level.INFO,
          "games folder {0}: game ''{1}'' version {2} ({3}) from {4}",
          folder,
          type.name(),
          type.version(),
          type.getClass().getName(),
          loaded.jar().getFileName());
    }
    if (jars.isEmpty()) {
      LOG.log(Level.INFO, "games folder {0} has no jar: the built-in games only", folder);
    }
    return scan.types();
  }
}

package org.botarena.games.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.InvocationTargetException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.regex.Pattern;
import org.botarena.games.spi.GameType;

/**
 * Loads the game types of lecturers' jars with one {@link URLClassLoader} whose parent is the games
 * module's own loader, so the SPI (and Jackson, the protocol) are the application's. A jar loads
 * whole or not at all: a file that is not a jar, a jar that declares no game type (no {@code
 * META-INF/services/org.botarena.games.spi.GameType}), a type that cannot be loaded or made (its
 * constructor throws), or a name that is a built-in game's or an earlier jar's (jars are taken in
 * the order given) skips the jar, with the reason.
 */
public final class GameJars {

  /**
   * Where a jar lists its game types, one class name a line (as for {@link
   * java.util.ServiceLoader}).
   */
  public static final String SERVICE = "META-INF/services/" + GameType.class.getName();

  /**
   * A game type a jar added.
   *
   * @param jar the jar
   * @param type the type, made with its public no-argument constructor
   */
  public record Loaded(Path jar, GameType type) {}

  /**
   * A jar left out.
   *
   * @param jar the jar
   * @param reason why, in words for the log (e.g. {@code game 'simple' clashes with a built-in
   *     game})
   */
  public record Skipped(Path jar, String reason) {}

  /**
   * What the jars gave.
   *
   * @param loaded the types added, by jar in the order given
   * @param skipped the jars left out
   * @param loader the class loader over the jars that loaded (close it when done with the types)
   */
  public record Scan(List<Loaded> loaded, List<Skipped> skipped, URLClassLoader loader) {

    /** The added types by name. */
    public Map<String, GameType> types() {
      Map<String, GameType> types = new TreeMap<>();
      loaded.forEach(l -> types.put(l.type().name(), l.type()));
      return Collections.unmodifiableMap(types);
    }
  }

  /** What a game's name may be (it is stored in columns of 32 characters). */
  private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9_-]{0,31}");

  private GameJars() {}

  /**
   * The game types in {@code jars}, loaded with one class loader whose parent is {@code parent};
   * {@code builtIn} are the names already taken.
   */
  public static Scan load(List<Path> jars, ClassLoader parent, Map<String, GameType> builtIn) {
    List<Skipped> skipped = new ArrayList<>();
    Map<Path, List<String>> declared = new LinkedHashMap<>();
    for (Path jar : jars) {
      try {
        List<String> classes = declaredTypes(jar);
        if (classes.isEmpty()) {
          skipped.add(new Skipped(jar, "it declares no game type (no " + SERVICE + " in it)"));
        } else {
          declared.put(jar, classes);
        }
      } catch (IOException e) {
        skipped.add(new Skipped(jar, "not a jar (" + e.getMessage() + ")"));
      }
    }
    List<URL> urls = new ArrayList<>();
    for (Path jar : declared.keySet()) {
      try {
        urls.add(jar.toUri().toURL());
      } catch (MalformedURLException e) {
        throw new IllegalStateException("a file's path is not a URL: " + jar, e);
      }
    }
    URLClassLoader loader = new URLClassLoader("arena-game-jars", urls.toArray(URL[]::new), parent);
    Map<String, Path> taken = new TreeMap<>();
    List<Loaded> loaded = new ArrayList<>();
    for (Map.Entry<Path, List<String>> entry : declared.entrySet()) {
      Path jar = entry.getKey();
      List<GameType> types = new ArrayList<>();
      String problem = null;
      for (String name : entry.getValue()) {
        try {
          GameType type = make(loader, name);
          String game = type.name();
          if (game == null || !NAME.matcher(game).matches()) {
            problem =
                "the name of "
                    + name
                    + " must be 1 to 32 of a-z, 0-9, _ and - (starting with a letter or digit),"
                    + " got "
                    + (game == null ? "null" : "'" + game + "'");
          } else if (builtIn.containsKey(game)) {
            problem = "game '" + game + "' of " + name + " clashes with a built-in game";
          } else if (taken.containsKey(game)) {
            problem =
                "game '"
                    + game
                    + "' of "
                    + name
                    + " clashes with the one from "
                    + taken.get(game).getFileName();
          } else if (types.stream().anyMatch(t -> t.name().equals(game))) {
            problem = "it declares two game types named '" + game + "'";
          } else {
            types.add(type);
            continue;
          }
        } catch (ReflectiveOperationException | RuntimeException | LinkageError e) {
          problem = why(name, e);
        }
        break;
      }
      if (problem != null) {
        skipped.add(new Skipped(jar, problem));
        continue;
      }
      for (GameType type : types) {
        taken.put(type.name(), jar);
        loaded.add(new Loaded(jar, type));
      }
    }
    return new Scan(List.copyOf(loaded), List.copyOf(skipped), loader);
  }

  /** The class names listed in the jar's {@link #SERVICE} entry (none if it has none). */
  private static List<String> declaredTypes(Path jar) throws IOException {
    try (JarFile file = new JarFile(jar.toFile())) {
      JarEntry entry = file.getJarEntry(SERVICE);
      if (entry == null) {
        return List.of();
      }
      List<String> names = new ArrayList<>();
      try (BufferedReader lines =
          new BufferedReader(
              new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
        for (String line = lines.readLine(); line != null; line = lines.readLine()) {
          int comment = line.indexOf('#');
          String name = (comment >= 0 ? line.substring(0, comment) : line).strip();
          if (!name.isEmpty() && !names.contains(name)) {
            names.add(name);
          }
        }
      }
      return names;
    }
  }

  private static GameType make(ClassLoader loader, String name)
      throws ReflectiveOperationException {
    Class<?> type = Class.forName(name, false, loader);
    if (!GameType.class.isAssignableFrom(type)) {
      throw new ClassCastException(name + " is not a " + GameType.class.getName());
    }
    return (GameType) type.getConstructor().newInstance();
  }

  private static String why(String name, Throwable e) {
    if (e instanceof ClassNotFoundException) {
      return "class " + name + " is not in it";
    }
    if (e instanceof NoSuchMethodException) {
      return name + " has no public constructor without arguments";
    }
    if (e instanceof InvocationTargetException thrown) {
      return "the constructor of " + name + " threw " + thrown.getCause();
    }
    if (e instanceof ExceptionInInitializerError init) {
      return "the static initializer of " + name + " threw " + init.getCause();
    }
    return name + " cannot be made: " + e;
  }
}

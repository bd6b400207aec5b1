package org.botarena.games;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.botarena.games.plugin.GamesFolder;
import org.botarena.games.spi.GameType;

/**
 * The game types: the built-in ones on the class path, found with {@link ServiceLoader}, and those
 * of the jars in the games folder ({@link GamesFolder}), loaded once, at the first use.
 */
public final class Games {

  /** Filled at the first look-up ({@link #discover} alone leaves it, and the folder, alone). */
  private static final class Registry {
    static final Map<String, GameType> TYPES = load();

    private static Map<String, GameType> load() {
      ClassLoader own = Games.class.getClassLoader();
      Map<String, GameType> types = new TreeMap<>(discover(own));
      types.putAll(GamesFolder.load(GamesFolder.configured(), own, types));
      return Collections.unmodifiableMap(types);
    }
  }

  private Games() {}

  /**
   * The game types {@code loader} provides, found afresh by name (e.g. a class loader over a
   * lecturer's game jar); two types with one name are an {@link IllegalStateException}.
   */
  public static Map<String, GameType> discover(ClassLoader loader) {
    Map<String, GameType> types = new TreeMap<>();
    for (GameType type : ServiceLoader.load(GameType.class, loader)) {
      GameType earlier = types.putIfAbsent(type.name(), type);
      if (earlier != null) {
        throw new IllegalStateException(
            "two game types are named '"
                + type.name()
                + "': "
                + earlier.getClass().getName()
                + " and "
                + type.getClass().getName());
      }
    }
    return Collections.unmodifiableMap(types);
  }

  /** The game type with this name. */
  public static GameType type(String name) {
    GameType type = Registry.TYPES.get(name);
    if (type == null) {
      throw new IllegalArgumentException(
          "unknown game type '" + name + "'; known: " + String.join(", ", Registry.TYPES.keySet()));
    }
    return type;
  }

  public static boolean exists(String name) {
    return Registry.TYPES.containsKey(name);
  }

  public static Collection<GameType> all() {
    return Registry.TYPES.values();
  }
}

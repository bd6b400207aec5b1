package org.botarena.games;

import java.util.Collection;
import java.util.Collections;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;
import org.botarena.games.spi.GameType;

/** The game types on the class path, found once with {@link ServiceLoader}. */
public final class Games {

  private static final Map<String, GameType> TYPES = discover(Games.class.getClassLoader());

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
    GameType type = TYPES.get(name);
    if (type == null) {
      throw new IllegalArgumentException(
          "unknown game type '" + name + "'; known: " + String.join(", ", TYPES.keySet()));
    }
    return type;
  }

  public static boolean exists(String name) {
    return TYPES.containsKey(name);
  }

  public static Collection<GameType> all() {
    return TYPES.values();
  }
}

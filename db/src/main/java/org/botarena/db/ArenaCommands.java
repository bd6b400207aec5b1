package org.botarena.db;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** The admin CLI's training-arena commands: list the arenas, show one, change its settings. */
public final class ArenaCommands {

  private final Database database;

  public ArenaCommands(Database database) {
    this.database = database;
  }

  /** Every training arena with its settings, as {@link #describe} writes each. */
  public String list() throws SQLException {
    try (Connection c = database.connect()) {
      List<TrainingArenas.Arena> arenas = TrainingArenas.list(c);
      if (arenas.isEmpty()) {
        return "no training arena yet (each opens when the platform first runs it, or with"
            + " ./arena admin arena GAME --set ...)";
      }
      StringBuilder out = new StringBuilder();
      for (TrainingArenas.Arena a : arenas) {
        out.append(describe(a));
      }
      return out.toString().stripTrailing();
    }
  }

  /** Changes settings of a game's arena (all checked first); returns the arena as it is then. */
  public String change(String gameType, Map<String, String> set, Set<String> unset)
      throws SQLException {
    try (Connection c = database.connect()) {
      c.setAutoCommit(false);
      try {
        TrainingArenas.Arena arena =
            set.isEmpty() && unset.isEmpty()
                ? existing(c, gameType)
                : TrainingArenas.change(c, gameType, set, unset);
        c.commit();
        return describe(arena).stripTrailing();
      } catch (SQLException | RuntimeException e) {
        c.rollback();
        throw e;
      }
    }
  }

  private static TrainingArenas.Arena existing(Connection c, String gameType) throws SQLException {
    ArenaSettings.normalize(gameType, ArenaSettings.CONFIG, "{}"); // an unknown game says so
    TrainingArenas.Arena arena = TrainingArenas.read(c, gameType);
    if (arena == null) {
      throw new IllegalArgumentException(
          "no training arena of '"
              + gameType
              + "' yet (it opens when the platform first runs it, or with --set)");
    }
    return arena;
  }

  /**
   * The arena in lines: its game, its config, then each setting with its own value or {@code
   * (default)} (the operator's MicroProfile Config value, {@code arena.matchmaking.KEY}).
   */
  static String describe(TrainingArenas.Arena a) {
    StringBuilder out =
        new StringBuilder()
            .append(a.gameType())
            .append(" (training arena ")
            .append(a.id())
            .append(")\n")
            .append(String.format("  %-26s %s%n", ArenaSettings.CONFIG, a.config()));
    for (ArenaSettings.Key key : ArenaSettings.keys()) {
      String own = a.settings().get(key.name());
      out.append(
          String.format(
              "  %-26s %s%n",
              key.name(), own != null ? own : "(default: " + key.configKey() + ")"));
    }
    return out.toString();
  }
}

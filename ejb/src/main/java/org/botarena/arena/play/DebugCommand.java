package org.botarena.arena.play;

import java.util.Locale;
import java.util.Optional;

/**
 * What a team member may do to one of its running debug games while watching it: hold it after the
 * current step, let it run on, play exactly one more step, go back to an earlier step (the game's
 * state is restored from that step's recorded state), or stop it (stored as dropped, which frees
 * its place under the arena's cap of running games).
 */
public enum DebugCommand {
  PAUSE,
  RESUME,
  STEP,
  REWIND,
  STOP;

  /**
   * The command named {@code name} as observers send it ({@code "pause"}, ...), if there is one.
   */
  public static Optional<DebugCommand> of(String name) {
    for (DebugCommand c : values()) {
      if (c.name().equals(name == null ? null : name.toUpperCase(Locale.ROOT))) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }
}

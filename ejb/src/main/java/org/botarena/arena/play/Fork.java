package org.botarena.arena.play;

import java.util.Set;
import java.util.UUID;

/**
 * A debug game forked from step {@code step} of a finished game: it starts from the origin's seed
 * and config, plays the origin's first {@code step} steps again from its replay (they become its
 * own replay's first frames), and goes on from there; the spots in {@code recordedSpots} play the
 * origin's recorded actions (then their house bot).
 *
 * @param originReplay the origin's stored replay (gzip JSON lines), or null when it is gone
 */
public record Fork(UUID origin, int step, byte[] originReplay, Set<Integer> recordedSpots) {

  public Fork {
    recordedSpots = Set.copyOf(recordedSpots);
  }
}

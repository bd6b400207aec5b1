package org.botarena.jobs.runner;

import java.io.ByteArrayInputStream;
import java.util.function.Supplier;
import org.botarena.arena.play.Fork;
import org.botarena.games.referee.RecordedActions;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayRecorder;
import org.botarena.games.replay.ReplayVerifier;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.HouseBot;

/**
 * How a forked debug game starts: its origin's first steps played again from the origin's replay,
 * by the replay verifier (so a prefix that does not re-simulate is refused, never played), each
 * recorded as this game's own frame; and the stand-ins of the seats that play the origin's recorded
 * actions.
 */
final class ForkedStart {

  private final Fork fork;
  private final Replay origin;

  /**
   * @param seed the forked game's seed: the origin's, or its first steps would not be the origin's
   */
  ForkedStart(Fork fork, long seed) {
    if (fork.originReplay() == null) {
      throw new IllegalStateException(
          "the replay of " + fork.origin() + ", which this game was forked from, is gone");
    }
    this.fork = fork;
    this.origin = Replay.read(new ByteArrayInputStream(fork.originReplay()));
    if (origin.header().seed() != seed) {
      throw new IllegalStateException(
          "a fork plays with its origin's seed " + origin.header().seed() + ", not " + seed);
    }
  }

  /** Plays the origin's first steps on a game of its own, recorded; returns the game after them. */
  Game playFirstSteps(ReplayRecorder recorder) {
    return new ReplayVerifier().playTo(origin, fork.step(), recorder::step);
  }

  boolean playsRecorded(int spot) {
    return fork.recordedSpots().contains(spot);
  }

  /** The origin's actions for {@code spot}, then {@code houseBot}. */
  HouseBot recorded(int spot, HouseBot houseBot, Supplier<Game> game) {
    return new RecordedActions(RecordedActions.of(origin.frames(), spot), spot, houseBot, game);
  }
}

package org.botarena.arena.debug;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.botarena.arena.accounts.AccountException;
import org.botarena.games.Games;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayFrame;
import org.junit.jupiter.api.Test;

/** Which steps of a finished game may be forked. */
class ReplayForksTest {

  private final Replay replay =
      new LocalMatch(
              Games.type("connect4"),
              null,
              3,
              List.of(new HouseContestant("random"), new HouseContestant("random")),
              1000)
          .play()
          .replay();
  private final int length = replay.frames().size();

  @Test
  void everyStepBeforeTheEndMayBeForked() {
    for (int step = 0; step < length; step++) {
      ReplayForks.requirePlayable(replay, step);
    }
  }

  @Test
  void aStepOutsideTheGameOrAtItsEndIsRefusedWithWhatToDo() {
    assertEquals(
        "Choose a step from 0 to " + length + ", not " + (length + 1) + ".",
        assertThrows(AccountException.class, () -> ReplayForks.requirePlayable(replay, length + 1))
            .getMessage());
    assertThrows(AccountException.class, () -> ReplayForks.requirePlayable(replay, -1));
    assertEquals(
        "The game is over at step " + length + ": fork it at an earlier step.",
        assertThrows(AccountException.class, () -> ReplayForks.requirePlayable(replay, length))
            .getMessage());
  }

  @Test
  void aReplayThatDoesNotPlayAgainIsRefusedWithTheVerifiersWords() {
    List<ReplayFrame> frames = new java.util.ArrayList<>(replay.frames());
    ReplayFrame first = frames.get(0);
    frames.set(0, new ReplayFrame(1, first.actions(), replay.initial()));
    Replay tampered = new Replay(replay.header(), replay.initial(), frames, replay.end());
    String message =
        assertThrows(AccountException.class, () -> ReplayForks.requirePlayable(tampered, 2))
            .getMessage();
    assertTrue(
        message.startsWith(
            "This game cannot be forked: the replay does not play again to step 2: at step 1"),
        message);
  }
}

package org.botarena.arena.leader;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.botarena.arena.matchmaking.MatchmakingPass;
import org.junit.jupiter.api.Test;

class LeaderLoopTest {

  @Test
  void anArenaWhosePassLeftNobodyWaitingRestsUntilANotificationOrASecond() {
    assertEquals(10, LeaderLoop.nextPassInMs(new MatchmakingPass.Outcome(1, 1, 10)), "one waits");
    assertEquals(1000, LeaderLoop.nextPassInMs(new MatchmakingPass.Outcome(1, 0, 10)), "nobody");
    assertEquals(
        5000,
        LeaderLoop.nextPassInMs(new MatchmakingPass.Outcome(0, 0, 5000)),
        "a longer interval stays");
  }
}

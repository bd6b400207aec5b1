package org.botarena.jobs.runner;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.jms.TextMessage;
import java.lang.reflect.Proxy;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.botarena.arena.matches.MatchService;
import org.botarena.arena.play.MatchPlan;
import org.botarena.arena.play.Seat;
import org.botarena.arena.sessions.InstanceIdentity;
import org.junit.jupiter.api.Test;

/** Backpressure: a full instance claims nothing and passes the match on for another one. */
class MatchRunnerMdbTest {

  /** The queue's matches: claimed once, passed on while queued. */
  private final Set<UUID> queued = new HashSet<>();

  private final List<UUID> claimed = new ArrayList<>();
  private final List<UUID> passedOn = new ArrayList<>();
  private final List<MatchPlan> started = new ArrayList<>();

  private final MatchService matches =
      new MatchService() {
        @Override
        public Optional<MatchPlan> claim(UUID matchId, String runner) {
          if (!queued.remove(matchId)) {
            return Optional.empty();
          }
          claimed.add(matchId);
          return Optional.of(
              new MatchPlan(matchId, 1, "simple", "{}", 1, List.of(new Seat(0, 1, "a", "i1"))));
        }

        @Override
        public boolean passOn(UUID matchId, long delayMs) {
          assertEquals(1000, delayMs);
          passedOn.add(matchId);
          return queued.contains(matchId);
        }
      };

  private final MatchEngine engine =
      new MatchEngine() {
        @Override
        public void start(MatchPlan plan) {
          started.add(plan);
        }
      };

  private final MatchRunnerMdb mdb = new MatchRunnerMdb();

  MatchRunnerMdbTest() {
    engine.maxGames = 2;
    engine.passOnDelayMs = 1000;
    mdb.matches = matches;
    mdb.engine = engine;
    mdb.instance =
        new InstanceIdentity() {
          @Override
          public String id() {
            return "i1";
          }
        };
  }

  private UUID deliver(UUID match) {
    TextMessage message =
        (TextMessage)
            Proxy.newProxyInstance(
                getClass().getClassLoader(),
                new Class<?>[] {TextMessage.class},
                (proxy, method, args) ->
                    method.getName().equals("getText") ? match.toString() : null);
    mdb.onMessage(message);
    return match;
  }

  private UUID queue() {
    UUID match = UUID.randomUUID();
    queued.add(match);
    return match;
  }

  @Test
  void aFullInstanceLeavesTheMatchQueuedForAnotherOne() {
    UUID first = deliver(queue());
    UUID second = deliver(queue());
    assertEquals(List.of(first, second), claimed);
    UUID third = deliver(queue());
    assertEquals(2, claimed.size(), "full: not claimed");
    assertEquals(List.of(third), passedOn, "sent on to the queue, for an instance with room");
    assertTrue(queued.contains(third), "still QUEUED");
    assertEquals(2, started.size());

    engine.giveBack(); // a game was stored: one place free
    deliver(third);
    assertEquals(third, claimed.get(2), "now it has room");
    assertEquals(3, started.size());
  }

  @Test
  void aMatchAlreadyTakenGivesItsPlaceBack() {
    UUID taken = UUID.randomUUID(); // another instance claimed it: not queued
    deliver(taken);
    deliver(taken);
    deliver(taken);
    assertEquals(List.of(), claimed);
    assertEquals(List.of(), passedOn, "the places were given back: never full");
    assertTrue(engine.takePlace());
    assertTrue(engine.takePlace());
    assertFalse(engine.takePlace(), "two places in all");
  }
}

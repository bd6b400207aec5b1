package org.botarena.games.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.botarena.games.Games;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;
import org.junit.jupiter.api.Test;

/** The rules of a step, on sum-to-ten (simultaneous) and connect4 (turns). */
class RefereeTest {

  private static final GameType SIMPLE = Games.type("simple");
  private static final JsonNode THREE = Json.array().add(3);

  private static Referee simple(int maxTimeouts, Map<Integer, HouseBot> standIns) {
    Game game = SIMPLE.create(SIMPLE.config(Json.object().put("target", 10)), 1);
    return new Referee(game, new StepRules(500, maxTimeouts), standIns);
  }

  @Test
  void everyPlayingSpotIsAskedWithItsOwnIncreasingSeq() {
    Referee referee = simple(3, Map.of());
    List<Referee.Request> first = referee.open();
    assertEquals(List.of(0, 1), first.stream().map(Referee.Request::spot).toList());
    assertEquals(List.of(1L, 1L), first.stream().map(Referee.Request::seq).toList());
    assertTrue(referee.awaiting());
    assertEquals(Referee.Verdict.ACCEPTED, referee.answer(0, 1, THREE).verdict());
    assertFalse(referee.complete(), "spot 1 has not acted");
    assertEquals(Referee.Verdict.ACCEPTED, referee.answer(1, 1, THREE).verdict());
    assertTrue(referee.complete());
    assertEquals(Map.of(0, THREE, 1, THREE), referee.apply());
    assertEquals(List.of(2L, 2L), referee.open().stream().map(Referee.Request::seq).toList());
    assertThrows(IllegalStateException.class, referee::open, "one step at a time");
  }

  @Test
  void lateRepeatedAndUnknownActionsAreStaleAndChangeNothing() {
    Referee referee = simple(3, Map.of());
    referee.open();
    assertEquals(Referee.Verdict.STALE, referee.answer(0, 2, THREE).verdict(), "a future seq");
    assertEquals(Referee.Verdict.STALE, referee.answer(5, 1, THREE).verdict(), "no such spot");
    referee.answer(0, 1, THREE);
    Referee.Answer again = referee.answer(0, 1, Json.array().add(1));
    assertEquals(Referee.Verdict.STALE, again.verdict(), "a second answer to one step");
    assertEquals("no step 1 of spot 0 is waiting for an action", again.problem());
    referee.answer(1, 1, THREE);
    assertEquals(THREE, referee.apply().get(0), "the first answer counts");
    assertEquals(Referee.Verdict.STALE, referee.answer(1, 1, THREE).verdict(), "no step is open");
  }

  @Test
  void anInvalidActionOrNonFiniteNumberOrNonJsonForfeits() {
    for (JsonNode bad : new JsonNode[] {Json.array().add(9), Json.array().add(Double.NaN), null}) {
      Referee referee = simple(3, Map.of());
      referee.open();
      Referee.Answer answer = referee.answer(1, 1, bad);
      assertEquals(Referee.Verdict.INVALID, answer.verdict(), String.valueOf(bad));
      assertTrue(referee.game().finished());
      assertEquals(EndReason.INVALID_ACTION, referee.game().outcome().reason());
      assertEquals(List.of(0), referee.game().outcome().winners());
      assertFalse(referee.awaiting());
      assertFalse(referee.complete());
    }
  }

  @Test
  void aMissedDeadlinePlaysTheNoopUntilMaxTimeoutsInARowForfeit() {
    Referee referee = simple(2, Map.of());
    referee.open();
    referee.answer(0, 1, Json.array().add(1));
    List<Referee.Miss> misses = referee.deadlinePassed(referee.round());
    assertEquals(1, misses.size());
    assertEquals(new Referee.Miss(1, 1, 1, false, misses.get(0).message()), misses.get(0));
    assertTrue(
        misses.get(0).message().contains("1 of 2 allowed in a row"), misses.get(0).message());
    assertEquals(
        SIMPLE.create(SIMPLE.config(null), 0).noop(1), referee.apply().get(1), "the no-op");

    referee.open();
    referee.answer(0, 2, Json.array().add(1));
    referee.answer(1, 2, Json.array().add(1)); // acting resets the count
    referee.apply();
    long round = referee.round();
    referee.open();
    assertEquals(List.of(), referee.deadlinePassed(round), "an old step's deadline does nothing");
    referee.answer(0, 3, Json.array().add(1));
    assertFalse(referee.deadlinePassed(referee.round()).get(0).forfeited(), "1 of 2 again");
    referee.apply();
    referee.open();
    referee.answer(0, 4, Json.array().add(1));
    Referee.Miss last = referee.deadlinePassed(referee.round()).get(0);
    assertTrue(last.forfeited());
    assertEquals(EndReason.TIMEOUT, referee.game().outcome().reason());
    assertEquals(List.of(0), referee.game().outcome().winners());
  }

  @Test
  void aDeadlineAfterEveryAnswerDoesNothing() {
    Referee referee = simple(1, Map.of());
    referee.open();
    referee.answer(0, 1, THREE);
    referee.answer(1, 1, THREE);
    assertEquals(List.of(), referee.deadlinePassed(referee.round()));
    assertFalse(referee.game().finished());
  }

  @Test
  void aDisconnectForfeits() {
    Referee referee = simple(3, Map.of());
    referee.open();
    referee.disconnected(0);
    assertEquals(EndReason.DISCONNECT, referee.game().outcome().reason());
    assertEquals(List.of(1), referee.game().outcome().winners());
  }

  @Test
  void aBotAwayBeforeItPlayedAStepCallsTheGameOffAndNobodyWins() {
    Referee referee = simple(3, Map.of());
    referee.open();
    referee.answer(1, 1, THREE);
    referee.away(0);
    referee.disconnected(0);
    assertTrue(referee.aborted());
    assertTrue(referee.over());
    assertFalse(referee.game().finished(), "no forfeit: nobody won");
    assertFalse(referee.complete());
    assertThrows(IllegalStateException.class, referee::open);
  }

  @Test
  void aBotAwayThatPlayedForfeitsAsAnyDisconnect() {
    Referee referee = simple(3, Map.of());
    referee.open();
    referee.answer(0, 1, THREE);
    referee.answer(1, 1, THREE);
    referee.apply();
    referee.open();
    referee.away(0);
    referee.disconnected(0);
    assertFalse(referee.aborted());
    assertEquals(EndReason.DISCONNECT, referee.game().outcome().reason());
  }

  @Test
  void stepsMissedWhileAwayAreTimeoutsAndTheLastCallsOffAGameItNeverPlayed() {
    Referee referee = simple(2, Map.of());
    referee.open();
    referee.away(0);
    referee.answer(1, 1, THREE);
    List<Referee.Miss> first = referee.deadlinePassed(referee.round());
    assertFalse(first.get(0).forfeited());
    referee.apply();
    referee.open();
    referee.answer(1, 2, THREE);
    Referee.Miss second = referee.deadlinePassed(referee.round()).get(0);
    assertTrue(second.forfeited());
    assertTrue(second.message().contains("called off"), second.message());
    assertTrue(referee.aborted());
  }

  @Test
  void aBotThatPlayedAndMissesItsLastStepsWhileAwayForfeitsByDisconnect() {
    Referee referee = simple(1, Map.of());
    referee.open();
    referee.answer(0, 1, THREE);
    referee.answer(1, 1, THREE);
    referee.apply();
    referee.open();
    referee.away(0);
    referee.answer(1, 2, THREE);
    assertTrue(referee.deadlinePassed(referee.round()).get(0).forfeited());
    assertEquals(EndReason.DISCONNECT, referee.game().outcome().reason());
    assertEquals(List.of(1), referee.game().outcome().winners());
  }

  @Test
  void aBotBackFromAwayIsAskedItsOpenStepAgainAndThenTimesOutAsUsual() {
    Referee referee = simple(1, Map.of());
    referee.open();
    referee.away(0);
    referee.answer(1, 1, THREE);
    Referee.Request again = referee.waitingFor(0).orElseThrow();
    assertEquals(1L, again.seq());
    assertTrue(referee.waitingFor(1).isEmpty(), "spot 1 has answered");
    referee.back(0);
    referee.deadlinePassed(referee.round());
    assertFalse(referee.aborted(), "back, it is a connected bot that missed: a timeout");
    assertEquals(EndReason.TIMEOUT, referee.game().outcome().reason());
  }

  @Test
  void houseBotsStandInAtOnceAndABrokenOnePlaysTheNoop() {
    HouseBot broken =
        observation -> {
          throw new IllegalStateException("a house bot's bug");
        };
    HouseBot illegal = observation -> Json.array().add(7);
    Referee both = simple(3, Map.of(0, broken, 1, illegal));
    assertEquals(List.of(), both.open(), "nobody to ask");
    assertTrue(both.complete());
    assertEquals(Map.of(0, Json.array().add(0), 1, Json.array().add(0)), both.apply());
    assertFalse(both.game().finished(), "a house bot's bug never forfeits");

    Referee one = simple(3, Map.of(1, observation -> THREE));
    assertEquals(List.of(0), one.open().stream().map(Referee.Request::spot).toList());
    assertEquals(
        Referee.Verdict.STALE,
        one.answer(1, 1, THREE).verdict(),
        "a bot cannot act for a house spot");
    one.answer(0, 1, THREE);
    assertEquals(Map.of(0, THREE, 1, THREE), one.apply());
  }

  @Test
  void inTurnsOnlyTheSpotToMoveIsAsked() {
    GameType connect4 = Games.type("connect4");
    Referee referee =
        new Referee(connect4.create(connect4.config(null), 3), StepRules.deadline(100), Map.of());
    List<Referee.Request> first = referee.open();
    assertEquals(1, first.size());
    int mover = first.get(0).spot();
    assertEquals(
        Referee.Verdict.STALE, referee.answer(1 - mover, 1, Json.array().add(3)).verdict());
    referee.answer(mover, 1, connect4.create(connect4.config(null), 3).noop(mover));
    referee.apply();
    List<Referee.Request> second = referee.open();
    assertEquals(1 - mover, second.get(0).spot());
    assertEquals(1L, second.get(0).seq(), "seq counts per spot");
  }

  @Test
  void aRestartForgetsTheOpenStepButSeqKeepsRising() {
    Referee referee = simple(3, Map.of());
    referee.open();
    long oldRound = referee.round();
    referee.restart(SIMPLE.create(SIMPLE.config(null), 1));
    assertFalse(referee.awaiting());
    assertEquals(List.of(), referee.deadlinePassed(oldRound));
    assertEquals(
        Referee.Verdict.STALE, referee.answer(0, 1, THREE).verdict(), "the abandoned step");
    assertEquals(2L, referee.open().get(0).seq());
  }

  @Test
  void aHostileMatchConfigIsPlayedWithinThePlatformsMaxima() {
    StepRules rules =
        StepRules.of(
            Json.object()
                .put(PlatformConfig.DEADLINE_MS, 600_000)
                .put(PlatformConfig.MAX_TIMEOUTS, 1000),
            new StepRules(2000, 3));
    assertEquals(
        new StepRules(PlatformConfig.MAX_DEADLINE_MS, PlatformConfig.MAX_MAX_TIMEOUTS), rules);
  }

  @Test
  void stepRulesComeFromTheMatchConfigOverTheDefaults() {
    StepRules defaults = new StepRules(2000, 3);
    assertEquals(defaults, StepRules.of(Json.object().put("target", 5), defaults));
    assertEquals(
        new StepRules(250, 1),
        StepRules.of(
            Json.object().put(PlatformConfig.DEADLINE_MS, 250).put(PlatformConfig.MAX_TIMEOUTS, 1),
            defaults));
    assertEquals(
        new StepRules(1, 1),
        StepRules.of(
            Json.object().put(PlatformConfig.DEADLINE_MS, -5).put(PlatformConfig.MAX_TIMEOUTS, 0),
            defaults));
    assertTrue(StepRules.startPaused(Json.object().put(PlatformConfig.START_PAUSED, true)));
    assertFalse(StepRules.startPaused(null));
  }
}

package org.botarena.games.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.botarena.games.Games;
import org.botarena.games.local.Contestant;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class ReplayVerifierTest {

  private static Replay played(String game, long seed) {
    GameType type = Games.type(game);
    List<Contestant> players =
        List.of(new HouseContestant("random"), new HouseContestant("random"));
    Replay replay = new LocalMatch(type, null, seed, players, 1000).play().replay();
    // through the file format, as a stored replay would come back
    return Replay.read(new ByteArrayInputStream(replay.toGzipJsonLines()));
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "rps", "connect4", "hockey"})
  void aRecordedGameReSimulatesToTheSameStates(String game) {
    Replay replay = played(game, 42);
    ReplayCheck check = new ReplayVerifier().verify(replay);
    assertTrue(check.ok(), check.summary());
    assertEquals(replay.frames().size(), check.framesChecked());
    assertTrue(replay.end() != null, "the replay has its end");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rps", "connect4", "hockey"})
  void aTamperedActionIsFoundAtItsStep(String game) {
    Replay replay = played(game, 7);
    int at = Math.min(3, replay.frames().size()) - 1;
    List<ReplayFrame> frames = new ArrayList<>(replay.frames());
    ReplayFrame frame = frames.get(at);
    Map<Integer, JsonNode> actions = new TreeMap<>(frame.actions());
    int spot = actions.keySet().iterator().next();
    actions.put(spot, otherAction(Games.type(game), replay, at, spot, actions.get(spot)));
    frames.set(at, new ReplayFrame(frame.step(), actions, frame.state()));
    ReplayCheck check =
        new ReplayVerifier()
            .verify(new Replay(replay.header(), replay.initial(), frames, replay.end()));
    assertFalse(check.ok(), "the tampered action must show");
    assertEquals(frame.step(), check.mismatches().get(0).step(), check.summary());
    assertEquals("state", check.mismatches().get(0).part(), check.summary());
  }

  /** A valid action for the spot at that point that is not the recorded one. */
  private static JsonNode otherAction(
      GameType type, Replay replay, int frameIndex, int spot, JsonNode recorded) {
    Game game =
        type.restore(
            frameIndex == 0 ? replay.initial() : replay.frames().get(frameIndex - 1).state());
    for (JsonNode candidate :
        List.of(
            intArray(0),
            intArray(1),
            intArray(2),
            intArray(3),
            doubles(1, 1, 1, 1),
            doubles(-1, 0.5, 0, 1))) {
      if (game.validate(spot, candidate).isEmpty() && !candidate.equals(recorded)) {
        return candidate;
      }
    }
    throw new AssertionError("no other valid action");
  }

  private static JsonNode intArray(int value) {
    return org.botarena.protocol.Json.array().add(value);
  }

  private static JsonNode doubles(double... values) {
    ArrayNode array = org.botarena.protocol.Json.array();
    for (double v : values) {
      array.add(v);
    }
    return array;
  }

  @Test
  void aTamperedStateAndOutcomeAreEachReported() {
    Replay replay = played("hockey", 3);
    List<ReplayFrame> frames = new ArrayList<>(replay.frames());
    ReplayFrame frame = frames.get(10);
    ObjectNode state = frame.state().deepCopy();
    ((ArrayNode) state.get("table").get("puck")).set(0, 1.2345);
    frames.set(10, new ReplayFrame(frame.step(), frame.actions(), state));
    ObjectNode end = replay.end().deepCopy();
    end.putArray("winners").add(0);
    end.put("reason", "NORMAL");
    ReplayCheck check =
        new ReplayVerifier().verify(new Replay(replay.header(), replay.initial(), frames, end));
    assertEquals(11, check.mismatches().get(0).step());
    assertTrue(check.mismatches().get(0).detail().contains("table.puck[0]"), check.summary());
    assertEquals("table.puck[0]", check.mismatches().get(0).path(), check.summary());
    List<ReplayMismatch> found = check.mismatches();
    assertEquals("outcome", found.get(found.size() - 1).part(), found.toString());
    assertTrue(found.get(found.size() - 1).path().startsWith("end."), found.toString());
  }

  @Test
  void aForfeitedGameVerifiesWithTheForfeitApplied() {
    GameType type = Games.type("connect4");
    Game game = type.create(type.config(null), 1);
    ReplayRecorder recorder =
        new ReplayRecorder(
            new ReplayHeader("connect4", type.version(), type.config(null), 1, List.of("a", "b")),
            game);
    Map<Integer, JsonNode> move = Map.of(0, intArray(3));
    game.apply(move);
    recorder.step(move, game);
    game.forfeit(1, EndReason.TIMEOUT);
    Replay replay = recorder.replay(game);
    assertTrue(new ReplayVerifier().verify(replay).ok());
    ObjectNode wrong = replay.end().deepCopy();
    wrong.put("reason", "NORMAL");
    ReplayCheck check =
        new ReplayVerifier()
            .verify(new Replay(replay.header(), replay.initial(), replay.frames(), wrong));
    assertFalse(check.ok(), "the wrong forfeiter shows");
  }

  @Test
  void aReplayFromOtherRulesIsReported() {
    Replay replay = played("rps", 1);
    ReplayHeader old = replay.header();
    ReplayHeader header =
        new ReplayHeader(old.game(), "0", old.config(), old.seed(), old.players());
    ReplayCheck check =
        new ReplayVerifier()
            .verify(new Replay(header, replay.initial(), replay.frames(), replay.end()));
    assertEquals("version", check.mismatches().get(0).part());
    assertEquals("version", check.mismatches().get(0).path());
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "rps", "connect4", "hockey"})
  void playingToAStepGivesThatStepsStateAndEveryStepOnTheWay(String game) {
    Replay replay = played(game, 11);
    int k = replay.frames().size() / 2;
    List<Map<Integer, JsonNode>> told = new ArrayList<>();
    List<Integer> steps = new ArrayList<>();
    Game at =
        new ReplayVerifier()
            .playTo(
                replay,
                k,
                (actions, g) -> {
                  told.add(actions);
                  steps.add(g.steps());
                });
    assertEquals(k, at.steps());
    assertEquals(k == 0 ? replay.initial() : replay.frames().get(k - 1).state(), at.state());
    assertEquals(k, told.size());
    for (int i = 0; i < k; i++) {
      assertEquals(replay.frames().get(i).actions(), told.get(i), "step " + (i + 1));
      assertEquals(i + 1, steps.get(i));
    }
  }

  @Test
  void playingToAStepOutsideTheReplayOrPastATamperedFrameIsRefused() {
    Replay replay = played("connect4", 5);
    ReplayVerifier verifier = new ReplayVerifier();
    int length = replay.frames().size();
    assertEquals(length, verifier.playTo(replay, length, (a, g) -> {}).steps());
    IllegalArgumentException beyond =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class,
            () -> verifier.playTo(replay, length + 1, (a, g) -> {}));
    assertEquals("step " + (length + 1) + " is not between 0 and " + length, beyond.getMessage());
    org.junit.jupiter.api.Assertions.assertThrows(
        IllegalArgumentException.class, () -> verifier.playTo(replay, -1, (a, g) -> {}));

    List<ReplayFrame> frames = new ArrayList<>(replay.frames());
    ReplayFrame second = frames.get(1);
    ObjectNode tampered = second.state().deepCopy();
    tampered.put("tampered", true);
    frames.set(1, new ReplayFrame(second.step(), second.actions(), tampered));
    Replay changed = new Replay(replay.header(), replay.initial(), frames, replay.end());
    assertEquals(1, verifier.playTo(changed, 1, (a, g) -> {}).steps(), "before it: fine");
    IllegalArgumentException past =
        org.junit.jupiter.api.Assertions.assertThrows(
            IllegalArgumentException.class, () -> verifier.playTo(changed, 3, (a, g) -> {}));
    assertTrue(
        past.getMessage().startsWith("the replay does not play again to step 3: at step 2"),
        past.getMessage());
  }
}

package org.botarena.games.replay;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayInputStream;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.botarena.games.Games;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/** The recorder keeps frames as their replay lines: what comes out must be what went in. */
class ReplayRecorderTest {

  private final GameType type = Games.type("hockey");
  private final Game game = type.create(type.config(Json.object()), 5);
  private final ReplayRecorder recorder =
      new ReplayRecorder(
          new ReplayHeader(
              "hockey", type.version(), type.config(Json.object()), 5, List.of("a", "b")),
          game);

  private void play(int steps) {
    HouseBot left = type.houseBots().get("random").create(type.config(Json.object()), 0, 1);
    HouseBot right = type.houseBots().get("random").create(type.config(Json.object()), 1, 2);
    for (int i = 0; i < steps && !game.finished(); i++) {
      Map<Integer, JsonNode> actions = new TreeMap<>();
      for (int spot : game.playing()) {
        actions.put(spot, (spot == 0 ? left : right).act(game.observation(spot)));
      }
      game.apply(actions);
      recorder.step(actions, game);
    }
  }

  @Test
  void theStoredLinesAreTheReplayAndItReSimulates() {
    play(1000);
    assertTrue(game.finished());
    byte[] stored = recorder.toGzipJsonLines(game);
    Replay read = Replay.read(new ByteArrayInputStream(stored));
    assertEquals(recorder.steps(), read.frames().size());
    assertEquals(game.state(), read.frames().get(read.frames().size() - 1).state());
    assertTrue(new ReplayVerifier().verify(read).ok());
    assertArrayEquals(
        recorder.replay(game).toGzipJsonLines(), stored, "decoded and re-encoded: the same bytes");
  }

  @Test
  void rewindingForgetsTheLaterStepsAndGivesTheStateToGoOnFrom() {
    play(30);
    JsonNode at10 = recorder.frame(10).state();
    assertEquals(at10, recorder.rewind(10));
    assertEquals(10, recorder.steps());
    assertEquals(recorder.initial(), recorder.rewind(0));
    assertEquals(0, recorder.steps());
    assertThrows(IllegalArgumentException.class, () -> recorder.rewind(1));
  }
}

package org.botarena.games.referee;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import org.botarena.games.Games;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

class RecordedActionsTest {

  private static final GameType SIMPLE = Games.type("simple");
  private static final ObjectNode CONFIG = SIMPLE.config(Json.object().put("target", 30));

  private final Game[] game = {SIMPLE.create(CONFIG, 1)};

  private static JsonNode add(int n) {
    return Json.array().add(n);
  }

  /** Spot 1 by its recorded actions; spot 0 adds 1. */
  private JsonNode play(RecordedActions spot1) {
    JsonNode action = spot1.act(game[0].observation(1));
    game[0].apply(Map.of(0, add(1), 1, action));
    return action;
  }

  private RecordedActions recorded(JsonNode... actions) {
    return new RecordedActions(
        Arrays.asList(actions), 1, StandIns.create(SIMPLE, "greedy", CONFIG, 1, 1), () -> game[0]);
  }

  @Test
  void theRecordedActionsArePlayedStepByStepThenTheHouseBotTakesOver() {
    RecordedActions spot1 = recorded(add(2), add(0), add(1));
    assertEquals(List.of(add(2), add(0), add(1)), List.of(play(spot1), play(spot1), play(spot1)));
    assertEquals(OptionalInt.empty(), spot1.takenOverAt());
    assertEquals(add(3), play(spot1), "greedy, once they ran out");
    assertEquals(OptionalInt.of(4), spot1.takenOverAt());
    assertEquals(add(3), play(spot1));
  }

  @Test
  void anActionTheGameNoLongerTakesHandsTheSpotToTheHouseBotFromThatStep() {
    RecordedActions spot1 = recorded(add(2), add(9), add(1));
    assertEquals(add(2), play(spot1));
    assertEquals(add(3), play(spot1), "[9] is not valid in simple: greedy plays");
    assertEquals(add(3), play(spot1), "and goes on playing, though [1] would be valid");
    assertEquals(OptionalInt.of(2), spot1.takenOverAt());
  }

  @Test
  void aStepWhereTheSpotDidNotActHandsItOverAndARewindBeforeItGoesBackToTheRecording() {
    RecordedActions spot1 = recorded(add(2), null, add(1));
    ObjectNode start = game[0].state();
    assertEquals(add(2), play(spot1));
    assertEquals(add(3), play(spot1), "no recorded action at step 2: greedy");
    // taken back to the start, as a debug game's rewind does: step 1 is the recording's again
    game[0] = SIMPLE.restore(start);
    assertEquals(add(2), play(spot1));
    assertEquals(add(3), play(spot1));
    assertEquals(OptionalInt.of(2), spot1.takenOverAt());
  }
}

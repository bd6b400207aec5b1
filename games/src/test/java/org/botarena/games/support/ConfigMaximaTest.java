package org.botarena.games.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.Map;
import org.botarena.games.Games;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/**
 * Every game's config has maxima that bound its work: a hostile config is refused with the key and
 * its range, and the largest config allowed stays within {@link GameType#MAX_STEPS} steps.
 */
class ConfigMaximaTest {

  private static String refusal(String game, String config) {
    return assertThrows(
            IllegalArgumentException.class, () -> Games.type(game).config(Json.parse(config)))
        .getMessage();
  }

  @Test
  void aHostileHockeyConfigIsRefusedNamingTheKeyAndItsRange() {
    String steps = refusal("hockey", "{\"max_steps\":100000000,\"rounds\":1000}");
    assertTrue(steps.contains("max_steps") && steps.contains("1..1000"), steps);
    assertTrue(
        refusal("hockey", "{\"max_steps\":100000}")
            .contains("max_steps must be an integer in 1..1000"));
    assertTrue(
        refusal("hockey", "{\"rounds\":1000}").contains("rounds must be an integer in 1..20"));
  }

  @Test
  void rpsRoundsAndSimpleStepsHaveMaxima() {
    assertTrue(
        refusal("rps", "{\"max_rounds\":100000}")
            .contains("max_rounds must be an integer in 1..10000"));
    assertTrue(
        refusal("simple", "{\"max_steps\":10001}")
            .contains("max_steps must be an integer in 1..10000"));
    assertTrue(refusal("simple", "{\"target\":-1}").contains("target"));
  }

  @Test
  void theLargestConfigOfEveryGameStaysWithinTheStepMaximum() {
    assertLargest("hockey", "{\"max_steps\":1000,\"rounds\":20}", 20_000);
    assertLargest("rps", "{\"max_rounds\":10000}", 10_000);
    assertLargest("simple", "{\"max_steps\":10000}", 10_000);
    assertLargest("connect4", "{}", 42);
    for (GameType type : Games.all()) {
      assertTrue(type.maxSteps(type.config(null)) <= GameType.MAX_STEPS, type.name());
    }
  }

  private static void assertLargest(String game, String config, int steps) {
    GameType type = Games.type(game);
    ObjectNode resolved = type.config(Json.parse(config));
    assertEquals(steps, type.maxSteps(resolved));
    assertTrue(type.maxSteps(resolved) <= GameType.MAX_STEPS);
  }

  @Test
  void aGameEndsWithinItsMaxSteps() {
    GameType type = Games.type("hockey");
    ObjectNode config = type.config(Json.parse("{\"max_steps\":30,\"rounds\":3}"));
    Game game = type.create(config, 5);
    while (!game.finished()) {
      Map<Integer, JsonNode> noOps = new HashMap<>();
      for (int spot : game.playing()) {
        noOps.put(spot, game.noop(spot));
      }
      game.apply(noOps);
    }
    assertTrue(game.steps() <= type.maxSteps(config), game.steps() + " steps");
  }
}

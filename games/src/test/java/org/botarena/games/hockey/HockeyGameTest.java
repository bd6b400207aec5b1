package org.botarena.games.hockey;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.botarena.protocol.Json;
import org.botarena.games.local.Contestant;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.Outcome;
import org.junit.jupiter.api.Test;

class HockeyGameTest {

  private final HockeyGameType type = new HockeyGameType();

  @Test
  void actionsAreCheckedForShapeAndFiniteNumbers() {
    Game game = type.create(type.config(null), 1);
    assertTrue(game.validate(0, Json.parse("[0, 0.5, -1, 1]")).isEmpty());
    assertTrue(game.validate(0, Json.parse("[5, -7, 0, 0]")).isEmpty(), "out of range is clipped");
    for (double bad : new double[] {Double.NaN, Double.POSITIVE_INFINITY}) {
      JsonNode action = Json.array().add(0.0).add(bad).add(0.0).add(0.0);
      String problem = game.validate(1, action).orElseThrow();
      assertTrue(problem.contains("action[1] must be finite"), problem);
    }
    assertTrue(game.validate(0, Json.parse("[0, 0, 0]")).orElseThrow().contains("4 numbers"));
    assertTrue(game.validate(0, Json.parse("[0, \"1\", 0, 0]")).orElseThrow().contains("action[1]"));
  }

  @Test
  void eachSpotSeesTheTableFromItsOwnSide() {
    Game game = type.create(type.config(null), 3);
    JsonNode left = game.observation(0);
    JsonNode right = game.observation(1);
    assertEquals(18, left.size());
    // both paddles start a fifth of the table from their own end: 3 units behind the centre
    assertEquals(-3.0, left.get(0).doubleValue(), 1e-6);
    assertEquals(-3.0, right.get(0).doubleValue(), 1e-6);
    assertEquals(3.0, left.get(6).doubleValue(), 1e-6);
    // the puck is a point mirror
    assertEquals(left.get(12).doubleValue(), -right.get(12).doubleValue(), 1e-6);
    assertEquals(left.get(13).doubleValue(), -right.get(13).doubleValue(), 1e-6);
  }

  @Test
  void roundsSwapSidesAndRestoreAcrossThem() {
    ObjectNode config = type.config(Json.parse("{\"rounds\": 3, \"max_steps\": 20}"));
    Game game = type.create(config, 9);
    Map<Integer, JsonNode> push = new HashMap<>();
    push.put(0, Json.parse("[1, 0, 0, 0]"));
    push.put(1, Json.parse("[0.5, 0, 0, 0]"));
    for (int i = 0; i < 25; i++) {
      game.apply(push);
    }
    ObjectNode state = game.state();
    assertEquals(1, state.get("round").intValue(), "the second round started after 20 steps");
    // spot 0 now plays on the right: pushing to its own +x moves it toward smaller world x
    assertTrue(state.get("table").get("paddles").get(1).get(0).doubleValue() < 8.0);
    Game restored = type.restore(Json.parse(Json.write(state)));
    while (!game.finished()) {
      game.apply(push);
      restored.apply(push);
      assertEquals(Json.write(game.state()), Json.write(restored.state()));
    }
    assertEquals(60, game.steps(), "three rounds of 20 steps without goals");
  }

  /**
   * The acceptance: strong beats weak in at least 70% of 50 seeded games. A game here is a
   * match of five rounds (the course's series of episodes, sides swapped), because single rounds
   * of 250 steps end without a goal too often to separate any two bots (about half of them).
   */
  @Test
  void strongBeatsWeakInMostGames() {
    ObjectNode config = type.config(Json.parse("{\"rounds\": 5}"));
    int strongWins = 0;
    int weakWins = 0;
    for (int i = 0; i < 50; i++) {
      int strongSpot = i % 2;
      List<Contestant> bySpot = strongSpot == 0
          ? List.of(new HouseContestant("strong"), new HouseContestant("weak"))
          : List.of(new HouseContestant("weak"), new HouseContestant("strong"));
      Outcome outcome = new LocalMatch(type, config, 1000 + i, bySpot, 1000).play().outcome();
      strongWins += outcome.winners().contains(strongSpot) ? 1 : 0;
      weakWins += outcome.winners().contains(1 - strongSpot) ? 1 : 0;
    }
    System.out.printf("hockey strong vs weak, 50 games of 5 rounds: strong %d, weak %d, draws %d%n",
        strongWins, weakWins, 50 - strongWins - weakWins);
    assertTrue(strongWins >= 35, "strong won " + strongWins + " of 50, weak " + weakWins);
  }
}

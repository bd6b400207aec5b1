package org.botarena.games.connect4;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.Outcome;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

class Connect4GameTest {

  private final Connect4GameType type = new Connect4GameType();

  private static Map<Integer, JsonNode> move(int spot, int column) {
    return Map.of(spot, Json.array().add(column));
  }

  @Test
  void aFullColumnIsRejectedWithItsNumber() {
    Game game = type.create(type.config(null), 1);
    for (int i = 0; i < 6; i++) {
      game.apply(move(i % 2, 2));
    }
    assertEquals("column 2 is full", game.validate(0, Json.parse("[2]")).orElseThrow());
    assertTrue(game.validate(1, Json.parse("[3]")).orElseThrow().contains("spot 0's turn"));
    assertEquals(List.of(0), game.playing(), "only the spot to move plays");
  }

  @Test
  void fourInARowWinsAndTheObservationIsFromTheActingSide() {
    Game game = type.create(type.config(null), 1);
    int[] columns = {0, 0, 1, 1, 2, 2};
    for (int i = 0; i < columns.length; i++) {
      game.apply(move(i % 2, columns[i]));
    }
    JsonNode view = game.observation(0);
    assertEquals(1, view.get(35).asInt(), "spot 0's piece at the bottom left is its own");
    assertEquals(-1, game.observation(1).get(35).asInt());
    assertEquals(-1, view.get(28).asInt(), "spot 1's piece above it");
    game.apply(move(0, 3));
    assertTrue(game.finished());
    assertEquals(List.of(0), game.outcome().winners());
  }

  @Test
  void theTacticalBotBeatsRandom() {
    int wins = 0;
    for (int seed = 0; seed < 20; seed++) {
      List<HouseContestant> players =
          seed % 2 == 0
              ? List.of(new HouseContestant("tactical"), new HouseContestant("random"))
              : List.of(new HouseContestant("random"), new HouseContestant("tactical"));
      Outcome outcome =
          new LocalMatch(type, null, seed, List.copyOf(players), 1000).play().outcome();
      wins += outcome.winners().contains(seed % 2) ? 1 : 0;
    }
    assertTrue(wins >= 19, "tactical won " + wins + " of 20");
  }
}

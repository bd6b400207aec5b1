package org.botarena.games.rps;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.Outcome;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

class RpsGameTest {

  private final RpsGameType type = new RpsGameType();

  @Test
  void paperBeatsRockAndTheObservationShowsTheLastMove() {
    Game game = type.create(type.config(null), 1);
    assertEquals("[0,0,-1]", Json.write(game.observation(0)));
    game.apply(Map.of(0, Json.parse("[1]"), 1, Json.parse("[0]")));
    assertEquals("[1,0,0]", Json.write(game.observation(0)));
    assertEquals("[0,1,1]", Json.write(game.observation(1)));
    game.apply(Map.of(0, Json.parse("[1]"), 1, Json.parse("[0]")));
    game.apply(Map.of(0, Json.parse("[2]"), 1, Json.parse("[1]")));
    assertTrue(game.finished());
    assertEquals(List.of(0), game.outcome().winners());
    assertEquals(EndReason.NORMAL, game.outcome().reason());
  }

  @Test
  void theCapDecidesByScore() {
    Game game = type.create(type.config(Json.parse("{\"max_rounds\": 2}")), 1);
    game.apply(Map.of(0, Json.parse("[0]"), 1, Json.parse("[2]")));
    game.apply(Map.of(0, Json.parse("[0]"), 1, Json.parse("[0]")));
    assertEquals(EndReason.STEP_CAP, game.outcome().reason());
    assertEquals(List.of(0), game.outcome().winners());
  }

  @Test
  void theCounterBeatsABiasedOpponent() {
    int wins = 0;
    for (int seed = 0; seed < 20; seed++) {
      Outcome outcome =
          new LocalMatch(
                  type,
                  null,
                  seed,
                  List.of(new HouseContestant("counter"), new HouseContestant("rock")),
                  1000)
              .play()
              .outcome();
      wins += outcome.winners().contains(0) ? 1 : 0;
    }
    assertTrue(wins >= 18, "counter won " + wins + " of 20 against always-rock");
  }
}

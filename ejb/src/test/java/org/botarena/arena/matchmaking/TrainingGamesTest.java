package org.botarena.arena.matchmaking;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Which games have a training arena: the list, or the one game of earlier versions. */
class TrainingGamesTest {

  @Test
  void theListWinsOverTheOneGame() {
    assertEquals(
        List.of("simple", "rps", "hockey"),
        TrainingGames.parse(" simple, rps,,hockey ,rps", "connect4"));
  }

  @Test
  void withoutAListTheOneGameIsTheArena() {
    assertEquals(List.of("hockey"), TrainingGames.parse(null, "hockey"));
    assertEquals(List.of("hockey"), TrainingGames.parse(" , ", "hockey"));
  }

  @Test
  void anUnknownGameIsAClearError() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> TrainingGames.parse("rps,chess", null));
    assertTrue(e.getMessage().contains("names [chess], which is no game"), e.getMessage());
    assertTrue(e.getMessage().contains("the games are [connect4, hockey, rps, simple]"));
    assertThrows(IllegalArgumentException.class, () -> TrainingGames.parse("", ""));
  }

  @Test
  void unknownNamesAreTheOnesWithoutAnArena() {
    TrainingGames games = new TrainingGames();
    games.games = java.util.Optional.of("simple,rps");
    games.game = "simple";
    assertEquals(List.of("hockey"), games.unknown(List.of("rps", "hockey")));
    assertEquals("rps", games.orFirst("rps"));
    assertEquals("simple", games.orFirst("hockey"));
    assertEquals("simple", games.orFirst(null));
  }
}

package org.botarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import org.botarena.arena.matches.MatchState;
import org.junit.jupiter.api.Test;

/** The API's parameters: what each takes, and a 400 naming the parameter for anything else. */
class ParamsTest {

  @Test
  void aWindowIsCappedInSizeAndDepth() {
    assertEquals(new Window(0, Window.DEFAULT_LIMIT), Window.of(null, ""));
    assertEquals(new Window(10_000, 500), Window.of("500", "10000"));
    assertRefused("limit", () -> Window.of("501", null), "from 1 to 500, not '501'");
    assertRefused("limit", () -> Window.of("0", null), "from 1 to 500");
    assertRefused("limit", () -> Window.of("ten", null), "not 'ten'");
    assertRefused("offset", () -> Window.of(null, "10001"), "from 0 to 10000");
    assertRefused("offset", () -> Window.of(null, "-1"), "from 0 to 10000");
  }

  @Test
  void idsDatesStatesGamesAndTexts() {
    assertEquals(7L, Params.id("bot", " 7 "));
    assertNull(Params.id("bot", ""));
    assertRefused("bot", () -> Params.id("bot", "0"), "a positive whole number");
    assertRefused("bot", () -> Params.id("bot", "seven"), "not 'seven'");
    assertEquals(LocalDate.of(2026, 12, 1), Params.date("from", "2026-12-01"));
    assertRefused("from", () -> Params.date("from", "1.12.2026"), "YYYY-MM-DD");
    assertEquals("FINISHED", Params.oneOf("state", "finished", MatchState.class));
    assertRefused(
        "state",
        () -> Params.oneOf("state", "done", MatchState.class),
        "one of QUEUED, RUNNING, FINISHED, FAILED");
    assertEquals("simple", Params.game("game", "simple"));
    assertRefused("game", () -> Params.game("game", "chess"), "game must be one of ");
    assertTrue(
        assertThrows(ApiError.class, () -> Params.knownGame("chess"))
            .getMessage()
            .startsWith("no game 'chess'; the games: "));
    ApiError unknown = assertThrows(ApiError.class, () -> Params.knownGame("chess"));
    assertEquals(404, unknown.status(), "a game in a path is an id");
    assertRefused("id", () -> Params.uuid("id", "abc"), "a match id (a UUID)");
    assertRefused("search", () -> Params.text("search", "x".repeat(65), 64), "at most 64");
    assertEquals("red", Params.text("search", "red", 64));
  }

  private static void assertRefused(String parameter, Runnable call, String says) {
    ApiError e = assertThrows(ApiError.class, call::run);
    assertEquals(400, e.status());
    assertEquals(parameter, e.parameter());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }
}

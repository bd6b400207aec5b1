package org.botarena.web.api;

import static org.junit.jupiter.api.Assertions.assertEquals;

import org.junit.jupiter.api.Test;

/** The OpenAPI document names properties as JSON-B writes them. */
class OpenApiNamesTest {

  @Test
  void recordComponentsAreNamedInSnakeCase() {
    assertEquals("end_state", OpenApiNames.snakeCase("endState"));
    assertEquals("bot_id", OpenApiNames.snakeCase("botId"));
    assertEquals("games", OpenApiNames.snakeCase("games"));
    assertEquals("round_winners", OpenApiNames.snakeCase("roundWinners"));
  }
}

package org.botarena.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void strictParsingRefusesNaN() {
    assertThrows(IllegalArgumentException.class, () -> Json.parse("[NaN, 1]"));
  }

  @Test
  void nonFiniteNumbersSurviveARoundTripAndAreFound() {
    JsonNode action = Json.parseAllowingNonFinite("{\"a\":[0.5,NaN],\"b\":-Infinity}");
    assertTrue(Json.hasNonFinite(action));
    assertTrue(Double.isNaN(action.get("a").get(1).doubleValue()));
    JsonNode again = Json.parseAllowingNonFinite(Json.writeAllowingNonFinite(action));
    assertTrue(
        again.get("a").get(1).isFloatingPointNumber(), "NaN is written bare, not as a string");
    assertEquals(Double.NEGATIVE_INFINITY, again.get("b").doubleValue());
  }

  @Test
  void finiteValuesHaveNoNonFinite() {
    assertFalse(Json.hasNonFinite(Json.parse("{\"a\":[0.5,1e300,\"NaN\"],\"b\":null}")));
  }
}

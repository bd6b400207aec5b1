package org.botarena.client;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonTest {

  @Test
  void parsesWhatTheServerSends() {
    Object parsed =
        Json.parse(
            " {\"type\":\"step\",\"seq\":12,\"observation\":[0.5,-1e-3,7],"
                + "\"ok\":true,\"none\":null,\"text\":\"a\\\"b\\u00e9\\n\"} ");
    Map<?, ?> map = (Map<?, ?>) parsed;
    assertEquals("step", map.get("type"));
    assertEquals(12L, map.get("seq"));
    assertEquals(List.of(0.5, -0.001, 7L), map.get("observation"));
    assertEquals(true, map.get("ok"));
    assertTrue(map.containsKey("none"));
    assertEquals("a\"b\u00e9\n", map.get("text"));
  }

  @Test
  void writesArraysListsMapsAndNumbers() {
    Map<String, Object> frame = new LinkedHashMap<>();
    frame.put("action", new double[] {0.25, -1, 0});
    frame.put("ints", new int[] {3});
    frame.put("list", List.of("x", 2L));
    frame.put("nothing", null);
    assertEquals(
        "{\"action\":[0.25,-1.0,0.0],\"ints\":[3],\"list\":[\"x\",2],\"nothing\":null}",
        Json.write(frame));
  }

  @Test
  void roundTripsStrings() {
    String awkward = "quote \" backslash \\ tab \t control \u0001 unicode \u00fc";
    assertEquals(awkward, Json.parse(Json.write(awkward)));
  }

  @Test
  void malformedTextSaysWhere() {
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> Json.parse("{\"a\":[1,2}"));
    assertTrue(e.getMessage().startsWith("malformed JSON at 9"), e.getMessage());
    assertThrows(IllegalArgumentException.class, () -> Json.parse("{} x"));
    assertThrows(IllegalArgumentException.class, () -> Json.parse("\"open"));
    assertThrows(IllegalArgumentException.class, () -> Json.write(new Object()));
  }

  @Test
  void findsNonFiniteNumbersAnywhere() {
    assertTrue(Json.hasNonFinite(new double[] {0, Double.NaN}));
    assertTrue(Json.hasNonFinite(Map.of("a", List.of(Double.POSITIVE_INFINITY))));
    assertFalse(Json.hasNonFinite(List.of(1.0, "NaN", 3)));
    assertEquals(
        "[NaN,-Infinity]", Json.write(new double[] {Double.NaN, Double.NEGATIVE_INFINITY}));
  }
}

package org.botarena.protocol;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.core.json.JsonWriteFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;

/** The one JSON mapper of the project: strict (no NaN, no comments), shared and thread-safe. */
public final class Json {

  public static final ObjectMapper MAPPER = new ObjectMapper();

  /**
   * Also reads and writes NaN and Infinity (bare, as Python's json module does): only for bots'
   * actions, so that a non-finite number is reported as an invalid action of that game rather than
   * as an unreadable frame.
   */
  private static final ObjectMapper NON_FINITE =
      JsonMapper.builder()
          .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
          .disable(JsonWriteFeature.WRITE_NAN_AS_STRINGS)
          .build();

  static {
    StreamReadConstraints limits = StreamReadConstraints.builder().maxNestingDepth(64).build();
    MAPPER.getFactory().setStreamReadConstraints(limits);
    NON_FINITE.getFactory().setStreamReadConstraints(limits);
  }

  private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

  private Json() {}

  public static ObjectNode object() {
    return NODES.objectNode();
  }

  public static ArrayNode array() {
    return NODES.arrayNode();
  }

  /** Parses JSON text; malformed text is an {@link IllegalArgumentException} saying where. */
  public static JsonNode parse(String text) {
    try {
      return MAPPER.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /** Like {@link #parse}, but NaN, Infinity and -Infinity are read as numbers. */
  public static JsonNode parseAllowingNonFinite(String text) {
    try {
      return NON_FINITE.readTree(text);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(e.getOriginalMessage(), e);
    }
  }

  /**
   * Like {@link #write}, but NaN and Infinity are written bare, so that they read back as numbers.
   */
  public static String writeAllowingNonFinite(JsonNode node) {
    try {
      return NON_FINITE.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Whether {@code node} holds NaN or an infinity anywhere. */
  public static boolean hasNonFinite(JsonNode node) {
    if (node.isFloatingPointNumber()) {
      return !Double.isFinite(node.doubleValue());
    }
    for (JsonNode child : node) {
      if (hasNonFinite(child)) {
        return true;
      }
    }
    return false;
  }

  public static String write(JsonNode node) {
    try {
      return MAPPER.writeValueAsString(node);
    } catch (JsonProcessingException e) {
      throw new UncheckedIOException(e);
    }
  }
}

package org.botarena.games.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.botarena.protocol.Json;

/**
 * The config keys of a game with their defaults and limits; {@link #resolve} implements {@link
 * org.botarena.games.spi.GameType#config}: defaults filled in, unknown keys and bad values rejected
 * with a message that names the key.
 */
public final class ConfigSchema {

  private interface Key {
    void putDefault(ObjectNode config, String name);

    /** Null when the value is acceptable, else what is wrong with it. */
    String check(JsonNode value);

    /** The value as stored, in one spelling (so equal configs are equal JSON). */
    default JsonNode normalize(JsonNode value) {
      return value;
    }
  }

  private final Map<String, Key> keys = new LinkedHashMap<>();

  public ConfigSchema integer(String name, int defaultValue, int min, int max) {
    keys.put(
        name,
        new Key() {
          @Override
          public void putDefault(ObjectNode config, String key) {
            config.put(key, defaultValue);
          }

          @Override
          public String check(JsonNode value) {
            boolean ok =
                value.isIntegralNumber()
                    && value.canConvertToInt()
                    && value.intValue() >= min
                    && value.intValue() <= max;
            return ok ? null : "must be an integer in " + min + ".." + max;
          }

          @Override
          public JsonNode normalize(JsonNode value) {
            return Json.object().numberNode(value.intValue());
          }
        });
    return this;
  }

  public ConfigSchema bool(String name, boolean defaultValue) {
    keys.put(
        name,
        new Key() {
          @Override
          public void putDefault(ObjectNode config, String key) {
            config.put(key, defaultValue);
          }

          @Override
          public String check(JsonNode value) {
            return value.isBoolean() ? null : "must be true or false";
          }
        });
    return this;
  }

  public ConfigSchema choice(String name, String defaultValue, List<String> allowed) {
    keys.put(
        name,
        new Key() {
          @Override
          public void putDefault(ObjectNode config, String key) {
            config.put(key, defaultValue);
          }

          @Override
          public String check(JsonNode value) {
            return value.isTextual() && allowed.contains(value.textValue())
                ? null
                : "must be one of " + String.join(", ", allowed);
          }
        });
    return this;
  }

  /** The defaults with the overrides applied; null or JSON null means no overrides. */
  public ObjectNode resolve(JsonNode overrides) {
    ObjectNode config = Json.object();
    keys.forEach((name, key) -> key.putDefault(config, name));
    if (overrides == null || overrides.isNull() || overrides.isMissingNode()) {
      return config;
    }
    if (!overrides.isObject()) {
      throw new IllegalArgumentException("config must be a JSON object, got " + overrides);
    }
    for (Iterator<Map.Entry<String, JsonNode>> it = overrides.fields(); it.hasNext(); ) {
      Map.Entry<String, JsonNode> field = it.next();
      Key key = keys.get(field.getKey());
      if (key == null) {
        throw new IllegalArgumentException(
            "unknown config key '"
                + field.getKey()
                + "' (known: "
                + String.join(", ", keys.keySet())
                + ")");
      }
      String problem = key.check(field.getValue());
      if (problem != null) {
        throw new IllegalArgumentException(
            "config " + field.getKey() + " " + problem + ", got " + field.getValue());
      }
      config.set(field.getKey(), key.normalize(field.getValue()));
    }
    return config;
  }
}

package org.botarena.web.api;

import java.util.LinkedHashMap;
import java.util.Map;
import org.eclipse.microprofile.openapi.OASFilter;
import org.eclipse.microprofile.openapi.models.media.Schema;

/**
 * The OpenAPI document's property names as the answers spell them: Payara derives a schema's
 * properties from the records' components ({@code endState}), JSON-B writes them in snake case
 * ({@code end_state}, {@link Answers}). Named in {@code mp.openapi.filter}.
 */
public class OpenApiNames implements OASFilter {

  @Override
  public Schema filterSchema(Schema schema) {
    Map<String, Schema> properties = schema.getProperties();
    if (properties != null && !properties.isEmpty()) {
      Map<String, Schema> renamed = new LinkedHashMap<>();
      properties.forEach((name, property) -> renamed.put(snakeCase(name), property));
      schema.setProperties(renamed);
    }
    return schema;
  }

  /** JSON-B's LOWER_CASE_WITH_UNDERSCORES: {@code botId} is {@code bot_id}. */
  static String snakeCase(String name) {
    StringBuilder s = new StringBuilder(name.length() + 4);
    for (char c : name.toCharArray()) {
      if (Character.isUpperCase(c)) {
        s.append('_').append(Character.toLowerCase(c));
      } else {
        s.append(c);
      }
    }
    return s.toString();
  }
}

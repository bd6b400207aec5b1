package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;

/**
 * The first place where two JSON trees differ, as a path ({@code table.puck[0]}) with both values.
 * Numbers compare by value, so an {@code int} read back from a file equals the {@code long} that
 * was written, and {@code 1.0} equals {@code 1}.
 *
 * @param path where, from the root ({@code ""} for the root itself)
 * @param expected the value in the first tree, or {@code (missing)}
 * @param actual the value in the second tree, or {@code (missing)}
 */
public record JsonDifference(String path, String expected, String actual) {

  private static final String MISSING = "(missing)";

  public static Optional<JsonDifference> between(JsonNode expected, JsonNode actual) {
    return find("", expected, actual);
  }

  private static Optional<JsonDifference> find(String path, JsonNode a, JsonNode b) {
    if (a == null || b == null || a.isMissingNode() || b.isMissingNode()) {
      boolean same = (a == null || a.isMissingNode()) && (b == null || b.isMissingNode());
      return same ? Optional.empty() : Optional.of(of(path, a, b));
    }
    if (a.isNumber() && b.isNumber()) {
      boolean same =
          a.isIntegralNumber() && b.isIntegralNumber()
              ? a.bigIntegerValue().equals(b.bigIntegerValue())
              : a.decimalValue().compareTo(b.decimalValue()) == 0;
      return same ? Optional.empty() : Optional.of(of(path, a, b));
    }
    if (a.getNodeType() != b.getNodeType()) {
      return Optional.of(of(path, a, b));
    }
    if (a.isArray()) {
      for (int i = 0; i < Math.max(a.size(), b.size()); i++) {
        Optional<JsonDifference> d = find(path + "[" + i + "]", a.get(i), b.get(i));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    if (a.isObject()) {
      Set<String> names = new TreeSet<>();
      a.fieldNames().forEachRemaining(names::add);
      b.fieldNames().forEachRemaining(names::add);
      for (String name : names) {
        String at = path.isEmpty() ? name : path + "." + name;
        Optional<JsonDifference> d = find(at, a.get(name), b.get(name));
        if (d.isPresent()) {
          return d;
        }
      }
      return Optional.empty();
    }
    return a.equals(b) ? Optional.empty() : Optional.of(of(path, a, b));
  }

  private static JsonDifference of(String path, JsonNode a, JsonNode b) {
    return new JsonDifference(path, text(a), text(b));
  }

  private static String text(JsonNode node) {
    if (node == null || node.isMissingNode()) {
      return MISSING;
    }
    String text = node.toString();
    return text.length() <= 200 ? text : text.substring(0, 197) + "...";
  }

  @Override
  public String toString() {
    return (path.isEmpty() ? "(root)" : path) + ": expected " + expected + ", got " + actual;
  }
}

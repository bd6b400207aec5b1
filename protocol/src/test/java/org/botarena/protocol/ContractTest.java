package org.botarena.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * The codec against the contract users read (docs/protocol.md), not against itself: the frame
 * types, error codes, close codes and limits it names are the ones this codec has.
 */
class ContractTest {

  private static final Path DOC =
      Path.of(System.getProperty("arena.root", ".."), "docs", "protocol.md");

  private static String section(String heading) throws IOException {
    String doc = Files.readString(DOC);
    int start = doc.indexOf("\n## " + heading);
    assertTrue(start >= 0, "docs/protocol.md has a section '" + heading + "'");
    int end = doc.indexOf("\n## ", start + 1);
    return doc.substring(start, end < 0 ? doc.length() : end);
  }

  /** The first column's `code` of every row of the section's table. */
  private static Set<String> firstColumn(String section) {
    Set<String> found = new TreeSet<>();
    Matcher m = Pattern.compile("(?m)^\\| `?([^`|]+?)`? \\|").matcher(section);
    while (m.find()) {
      found.add(m.group(1).trim());
    }
    found.removeIf(s -> s.equals("type") || s.equals("code") || s.startsWith("---"));
    return found;
  }

  @Test
  void theServersFrameTypesAreTheContracts() throws IOException {
    Set<String> codec =
        Arrays.stream(FrameType.values())
            .filter(t -> !t.fromBot())
            .map(FrameType::wire)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(firstColumn(section("3. Frames from the server")), codec);
  }

  @Test
  void theErrorCodesAreTheContracts() throws IOException {
    Set<String> codec =
        Arrays.stream(ErrorCode.values())
            .map(Enum::name)
            .collect(Collectors.toCollection(TreeSet::new));
    assertEquals(firstColumn(section("5. Errors")), codec);
  }

  @Test
  void everyCloseCodeIsInTheContractWithItsAdvice() throws IOException {
    String closes = section("6. Close codes");
    for (CloseCode code : CloseCode.values()) {
      Matcher row =
          Pattern.compile("(?m)^\\| " + code.code() + " \\|[^|]*\\| ([^|]*)\\|").matcher(closes);
      assertTrue(row.find(), code + " is in the table");
      assertEquals(
          code.reconnect(), row.group(1).trim().startsWith("yes"), code + ": " + row.group(1));
    }
  }

  @Test
  void theLimitsAreTheContracts() throws IOException {
    String errors = section("5. Errors");
    assertTrue(
        errors.contains("more than " + Limits.MAX_FRAMES_PER_SECOND + " frames in one second"),
        errors);
    assertTrue(errors.contains("over " + Limits.MAX_FRAME_BYTES / 1024 + " KiB"), errors);
    assertTrue(errors.contains("no `hello` within " + Limits.HELLO_SECONDS + " s"), errors);
    assertTrue(errors.contains("`hello.protocol` is not " + Limits.PROTOCOL), errors);
    assertTrue(
        section("4. Time")
            .contains("After **" + Limits.DEFAULT_MAX_TIMEOUTS + "** consecutive misses"));
  }
}

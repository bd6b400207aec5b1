package org.botarena.games.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.botarena.games.plugin.TestJars;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code ./arena games check JAR}: the report and the exit code. */
class CheckMainTest {

  @TempDir Path dir;

  private final ByteArrayOutputStream out = new ByteArrayOutputStream();
  private final ByteArrayOutputStream err = new ByteArrayOutputStream();

  private int check(String... args) {
    return CheckMain.run(
        args,
        new PrintStream(out, true, StandardCharsets.UTF_8),
        new PrintStream(err, true, StandardCharsets.UTF_8));
  }

  private String output() {
    return out.toString(StandardCharsets.UTF_8);
  }

  @Test
  void theExampleGameConforms() throws Exception {
    Path jar = TestJars.exampleGame(dir, "coins-game.jar");
    assertEquals(0, check(jar.toString(), "--playouts", "10"), output());
    String report = output();
    assertTrue(
        report.startsWith("game 'coins' version 1, 2 players (org.example.coins.CoinsGameType)\n"),
        report);
    assertTrue(report.contains("  PASS random play-outs end (10 seeds)\n"), report);
    assertTrue(report.contains("  PASS state round trip\n"), report);
    assertTrue(report.endsWith("coins-game.jar conforms: 6 checks passed\n"), report);
  }

  /** The example with a config that takes any key: one check fails, the others pass. */
  @Test
  void aLenientConfigFailsOneCheckAndExitsOne() throws Exception {
    String lenient =
        "package org.example.lenient;\n"
            + "import com.fasterxml.jackson.databind.JsonNode;\n"
            + "import com.fasterxml.jackson.databind.node.ObjectNode;\n"
            + "import org.botarena.games.spi.*;\n"
            + "public final class Lenient implements GameType {\n"
            + "  private final GameType coins = new org.example.coins.CoinsGameType();\n"
            + "  public String name() { return \"lenient\"; }\n"
            + "  public String version() { return \"1\"; }\n"
            + "  public int players() { return 2; }\n"
            + "  public ObjectNode config(JsonNode o) { return coins.config(null); }\n"
            + "  public Game create(ObjectNode c, long s) { return coins.create(c, s); }\n"
            + "  public Game restore(JsonNode s) { return coins.restore(s); }\n"
            + "  public java.util.Map<String, HouseBot.Factory> houseBots() {"
            + " return coins.houseBots(); }\n"
            + "}\n";
    Path jar =
        TestJars.jarOf(
            dir,
            "lenient.jar",
            Map.of("org.example.lenient.Lenient", lenient),
            "org.example.lenient.Lenient\n",
            true);
    assertEquals(1, check(jar.toString(), "--playouts", "3"), output());
    String report = output();
    assertTrue(
        report.contains(
            "  FAIL config is strict: config with an unknown key: expected"
                + " IllegalArgumentException, but nothing was thrown\n"),
        report);
    assertTrue(report.contains("  PASS deterministic\n"), report);
    assertTrue(report.endsWith("lenient.jar does not conform: 1 of 6 checks failed\n"), report);
  }

  @Test
  void aJarTheFolderWouldSkipFailsToLoad() throws Exception {
    Path notes = Files.writeString(dir.resolve("notes.jar"), "not a zip");
    assertEquals(1, check(notes.toString()));
    assertTrue(output().startsWith("FAIL load: not a jar ("), output());
    assertTrue(output().endsWith("notes.jar does not conform: the games folder would skip it\n"));
    out.reset();
    assertEquals(1, check(dir.resolve("absent.jar").toString()));
    assertTrue(output().startsWith("FAIL load: "), output());
  }

  @Test
  void badArgumentsAreAUsageError() {
    assertEquals(2, check());
    assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("error: which jar?\nusage: "));
    assertEquals(2, check("a.jar", "--playouts", "0"));
    assertEquals(2, check("a.jar", "--frobnicate"));
    assertEquals(0, check("--help"));
  }
}

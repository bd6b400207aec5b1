package org.botarena.games.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.botarena.games.Games;
import org.botarena.games.conformance.GameConformance;
import org.botarena.games.spi.GameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A lecturer adds a game by dropping in a jar": compiles a game from source at test time, packs it
 * with its {@code META-INF/services} entry, and finds it through a class loader over the jar.
 */
class GameJarDiscoveryTest {

  private static final String SERVICE = "META-INF/services/" + GameType.class.getName();

  @TempDir Path dir;

  @Test
  void aGameInADroppedJarIsFoundAndConforms() throws Exception {
    Path jar = buildGameJar();
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, GameType.class.getClassLoader())) {
      Map<String, GameType> types = Games.discover(loader);
      GameType coins = types.get("coins");
      assertNotNull(coins, "the jar's game is found; found " + types.keySet());
      assertTrue(types.containsKey("hockey"), "the built-in games stay");
      assertEquals(loader, coins.getClass().getClassLoader(), "it came from the jar");
      GameConformance kit = new GameConformance(coins);
      kit.configIsStrict();
      kit.randomPlayouts(20);
      kit.determinism(3);
      kit.stateRoundTrip(4, 2);
      kit.invalidActionsRejected();
      kit.forfeitEndsOnce(5);
    }
    assertFalse(Games.exists("coins"), "the application's own class path does not have it");
  }

  private Path buildGameJar() throws IOException, URISyntaxException {
    Path source = dir.resolve("src/org/example/coins/CoinsGameType.java");
    Files.createDirectories(source.getParent());
    try (InputStream text = getClass().getResourceAsStream("/testgame/CoinsGameType.java.txt")) {
      Files.write(source, text.readAllBytes());
    }
    Path classes = Files.createDirectories(dir.resolve("classes"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    String classPath =
        String.join(
            java.io.File.pathSeparator,
            location(GameType.class),
            location(org.botarena.protocol.Json.class),
            location(JsonNode.class),
            location(com.fasterxml.jackson.core.JsonParser.class));
    int status =
        javac.run(null, null, null, "-d", classes.toString(), "-cp", classPath, source.toString());
    assertEquals(0, status, "the test game compiles");
    Path jar = dir.resolve("coins-game.jar");
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar));
        Stream<Path> files = Files.walk(classes)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        out.putNextEntry(new JarEntry(classes.relativize(file).toString().replace('\\', '/')));
        Files.copy(file, out);
        out.closeEntry();
      }
      out.putNextEntry(new JarEntry(SERVICE));
      out.write("org.example.coins.CoinsGameType\n".getBytes(StandardCharsets.UTF_8));
      out.closeEntry();
    }
    return jar;
  }

  private static String location(Class<?> type) throws URISyntaxException {
    return Path.of(type.getProtectionDomain().getCodeSource().getLocation().toURI()).toString();
  }
}

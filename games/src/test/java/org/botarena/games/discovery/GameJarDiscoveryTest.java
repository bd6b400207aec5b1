package org.botarena.games.discovery;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.util.Map;
import org.botarena.games.Games;
import org.botarena.games.conformance.ConformanceReport;
import org.botarena.games.conformance.GameConformance;
import org.botarena.games.plugin.TestJars;
import org.botarena.games.spi.GameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * "A lecturer adds a game by dropping in a jar": the example game (examples/coins-game) compiled
 * from its sources at test time, packed with its {@code META-INF/services} entry, and found through
 * a class loader over the jar.
 */
class GameJarDiscoveryTest {

  @TempDir Path dir;

  @Test
  void aGameInADroppedJarIsFoundAndConforms() throws Exception {
    Path jar = TestJars.exampleGame(dir, "coins-game.jar");
    try (URLClassLoader loader =
        new URLClassLoader(new URL[] {jar.toUri().toURL()}, GameType.class.getClassLoader())) {
      Map<String, GameType> types = Games.discover(loader);
      GameType coins = types.get("coins");
      assertNotNull(coins, "the jar's game is found; found " + types.keySet());
      assertTrue(types.containsKey("hockey"), "the built-in games stay");
      assertEquals(loader, coins.getClass().getClassLoader(), "it came from the jar");
      ConformanceReport report = new GameConformance(coins).run();
      assertTrue(report.conforms(), report.failures().toString());
    }
    assertFalse(Games.exists("coins"), "the application's own class path does not have it");
  }
}

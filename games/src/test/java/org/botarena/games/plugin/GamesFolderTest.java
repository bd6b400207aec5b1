package org.botarena.games.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The games folder: where it is, what loads from it and why a jar is skipped. */
class GamesFolderTest {

  private static final ClassLoader OWN = Games.class.getClassLoader();
  private static final Map<String, GameType> BUILT_IN = Games.discover(OWN);

  @TempDir Path dir;

  @Test
  void theExampleLoadsAndEveryBadJarIsSkippedWithItsReason() throws Exception {
    TestJars.exampleGame(dir, "coins-game.jar");
    Files.writeString(dir.resolve("notes.jar"), "not a zip at all");
    Files.writeString(dir.resolve("README.txt"), "not looked at");
    TestJars.rawJar(dir, "library.jar", Map.of("org/example/Util.txt", "no game in here"));
    TestJars.rawJar(dir, "missing.jar", Map.of(GameJars.SERVICE, "org.example.Gone\n"));
    TestJars.jarOf(
        dir,
        "throws.jar",
        Map.of(
            "org.example.Fussy",
            TestJars.stubType(
                "org.example.Fussy", "fussy", "throw new IllegalStateException(\"no licence\");")),
        "org.example.Fussy\n",
        false);
    TestJars.jarOf(
        dir,
        "clash-builtin.jar",
        Map.of("org.example.Mine", TestJars.stubType("org.example.Mine", "simple", "")),
        "# a comment line\norg.example.Mine # and one after the name\n",
        false);
    TestJars.jarOf(
        dir,
        "shouting.jar",
        Map.of("org.example.Loud", TestJars.stubType("org.example.Loud", "Coins Deluxe", "")),
        "org.example.Loud\n",
        false);
    TestJars.jarOf(
        dir,
        "zz-coins-again.jar",
        Map.of("org.example.Again", TestJars.stubType("org.example.Again", "coins", "")),
        "org.example.Again\n",
        false);

    GameJars.Scan scan = GameJars.load(GamesFolder.jars(dir), OWN, BUILT_IN);
    assertEquals(
        List.of("coins"), scan.loaded().stream().map(l -> l.type().name()).toList(), "loaded");
    assertEquals("coins-game.jar", scan.loaded().get(0).jar().getFileName().toString());
    Map<String, String> reasons = new TreeMap<>();
    scan.skipped().forEach(s -> reasons.put(s.jar().getFileName().toString(), s.reason()));
    String notAJar = reasons.remove("notes.jar");
    assertTrue(notAJar != null && notAJar.startsWith("not a jar ("), "notes.jar: " + notAJar);
    assertEquals(
        Map.of(
            "clash-builtin.jar",
            "game 'simple' of org.example.Mine clashes with a built-in game",
            "library.jar",
            "it declares no game type (no " + GameJars.SERVICE + " in it)",
            "shouting.jar",
            "the name of org.example.Loud must be 1 to 32 of a-z, 0-9, _ and - (starting with a"
                + " letter or digit), got 'Coins Deluxe'",
            "missing.jar",
            "class org.example.Gone is not in it",
            "throws.jar",
            "the constructor of org.example.Fussy threw java.lang.IllegalStateException: no"
                + " licence",
            "zz-coins-again.jar",
            "game 'coins' of org.example.Again clashes with the one from coins-game.jar"),
        Map.copyOf(reasons));
    scan.loader().close();

    Map<String, GameType> fromFolder = GamesFolder.load(dir, OWN, BUILT_IN);
    assertEquals(List.of("coins"), List.copyOf(fromFolder.keySet()), "the folder gives coins");
    GameType coins = fromFolder.get("coins");
    assertEquals(
        GameType.class, coins.getClass().getClassLoader().loadClass(GameType.class.getName()));
  }

  @Test
  void aFolderThatDoesNotExistGivesNoGames() {
    assertEquals(Map.of(), GamesFolder.load(dir.resolve("absent"), OWN, BUILT_IN));
  }

  @Test
  void theFolderIsThePropertyElseTheVariableElseTheDomainsElseTheWorkingDirectorys() {
    Map<String, String> none = Map.of();
    Path cwd = Path.of("").toAbsolutePath();
    assertEquals(
        Path.of("/srv/games"),
        GamesFolder.locate(
            Map.of(GamesFolder.PROPERTY, "/srv/games")::get,
            Map.of(GamesFolder.VARIABLE, "/env/games")::get));
    assertEquals(
        Path.of("/env/games"),
        GamesFolder.locate(
            Map.of(GamesFolder.PROPERTY, " ")::get,
            Map.of(GamesFolder.VARIABLE, "/env/games")::get));
    assertEquals(
        Path.of("/opt/payara/glassfish/domains/domain1/games.d"),
        GamesFolder.locate(
            Map.of("com.sun.aas.instanceRoot", "/opt/payara/glassfish/domains/domain1")::get,
            none::get));
    assertEquals(cwd.resolve("games.d"), GamesFolder.locate(none::get, none::get));
    assertEquals(
        cwd.resolve("my/games"),
        GamesFolder.locate(none::get, Map.of(GamesFolder.VARIABLE, "my/games")::get));
  }
}

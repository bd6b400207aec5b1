package org.botarena.games.conformance;

import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.DynamicTest.dynamicTest;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.botarena.games.Games;
import org.botarena.games.spi.GameType;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;

/** Runs the conformance kit on every game on the class path. */
class GameConformanceTest {

  /** Physics games are slower per step; they get fewer random seeds. */
  private static int seedsFor(GameType type) {
    return type.name().equals("hockey") ? 8 : 60;
  }

  @Test
  void theBuiltInGamesAreFound() {
    Set<String> names = new TreeSet<>();
    Games.all().forEach(t -> names.add(t.name()));
    assertTrue(names.containsAll(List.of("simple", "rps", "connect4", "hockey")), names.toString());
  }

  @TestFactory
  List<DynamicTest> everyGameConforms() {
    List<DynamicTest> tests = new ArrayList<>();
    for (GameType type : Games.all()) {
      for (GameConformance.Check check : new GameConformance(type).checks(seedsFor(type))) {
        tests.add(dynamicTest(type.name() + ": " + check.name(), check.body()::run));
      }
    }
    return tests;
  }
}

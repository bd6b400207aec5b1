package org.botarena.games.conformance;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.botarena.games.spi.AbstractGame;
import org.botarena.games.spi.EndReason;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.HouseBot;
import org.botarena.games.support.OutcomeState;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;

/** The kit must fail games that break its properties, or its passes mean nothing. */
class ConformanceSelfTest {

  /** Both spots add 1 or 2 to a shared total; the spot that reaches 20 wins. Flaws on request. */
  private static final class Faulty implements GameType {
    private final boolean forgetsOnRestore;
    private final boolean usesTheClock;
    private final boolean acceptsAnything;

    /** What it claims as its longest game (it takes about 7 steps). */
    private int maxSteps = MAX_STEPS;

    Faulty(boolean forgetsOnRestore, boolean usesTheClock, boolean acceptsAnything) {
      this.forgetsOnRestore = forgetsOnRestore;
      this.usesTheClock = usesTheClock;
      this.acceptsAnything = acceptsAnything;
    }

    @Override
    public String name() {
      return "faulty";
    }

    @Override
    public String version() {
      return "1";
    }

    @Override
    public int maxSteps(ObjectNode config) {
      return maxSteps;
    }

    @Override
    public int players() {
      return 2;
    }

    @Override
    public ObjectNode config(JsonNode overrides) {
      if (overrides != null && overrides.has("no_such_key_42")) {
        throw new IllegalArgumentException("unknown config key 'no_such_key_42'");
      }
      return Json.object();
    }

    @Override
    public Game create(ObjectNode config, long seed) {
      return new Counter(this, 0, 0);
    }

    @Override
    public Game restore(JsonNode state) {
      int bonus = forgetsOnRestore ? 0 : state.get("bonus").intValue();
      Counter game = new Counter(this, state.get("total").intValue(), bonus);
      game.restoreFrom(state);
      return game;
    }

    @Override
    public Map<String, HouseBot.Factory> houseBots() {
      return Map.of(
          "random", (c, spot, seed) -> observation -> Json.array().add(1 + (int) (seed % 2)));
    }
  }

  private static final class Counter extends AbstractGame {
    /** Restores what {@link #state} saved that the constructor does not take. */
    void restoreFrom(JsonNode state) {
      steps = state.get("steps").intValue();
      OutcomeState.get(state).ifPresent(this::restoreOutcome);
    }

    private final Faulty rules;
    private int total;
    private int bonus;

    Counter(Faulty rules, int total, int bonus) {
      super(2);
      this.rules = rules;
      this.total = total;
      this.bonus = bonus;
    }

    @Override
    public List<Integer> playing() {
      return finished() ? List.of() : List.of(0, 1);
    }

    @Override
    public JsonNode observation(int spot) {
      return Json.array().add(total);
    }

    @Override
    public JsonNode noop(int spot) {
      return Json.array().add(1);
    }

    @Override
    protected Map<Integer, Double> scores() {
      return Map.of(0, 0.0, 1, 0.0);
    }

    @Override
    public ObjectNode stats(int spot) {
      return Json.object();
    }

    @Override
    public Optional<String> validate(int spot, JsonNode action) {
      if (rules.acceptsAnything) {
        return Optional.empty();
      }
      boolean ok =
          action != null
              && action.isArray()
              && action.size() == 1
              && action.get(0).isInt()
              && action.get(0).intValue() >= 1
              && action.get(0).intValue() <= 2;
      return ok ? Optional.empty() : Optional.of("action must be [1] or [2]");
    }

    @Override
    public void apply(Map<Integer, JsonNode> actions) {
      checkActions(actions);
      for (JsonNode action : actions.values()) {
        if (validate(0, action).isPresent()) {
          throw new IllegalArgumentException("bad action");
        }
      }
      total += actions.get(0).path(0).asInt(1) + actions.get(1).path(0).asInt(1) + bonus;
      bonus = steps % 3;
      if (rules.usesTheClock) {
        total += (int) (System.nanoTime() & 1);
      }
      steps++;
      if (total >= 20) {
        end(EndReason.NORMAL, List.of(steps % 2), scores());
      }
    }

    @Override
    public ObjectNode state() {
      ObjectNode state = Json.object().put("total", total).put("bonus", bonus).put("steps", steps);
      OutcomeState.put(state, finished() ? Optional.of(outcome()) : Optional.empty());
      return state;
    }
  }

  @Test
  void aGameThatForgetsStateOnRestoreFails() {
    GameConformance kit = new GameConformance(new Faulty(true, false, false));
    kit.randomPlayouts(3);
    assertThrows(ConformanceFailure.class, () -> kit.stateRoundTrip(1, 2));
  }

  @Test
  void aGameThatUsesTheClockFails() {
    GameConformance kit = new GameConformance(new Faulty(false, true, false));
    assertThrows(
        ConformanceFailure.class,
        () -> {
          for (long seed = 0; seed < 20; seed++) {
            kit.determinism(seed);
          }
        });
  }

  @Test
  void aGameLongerThanItsMaxStepsFails() {
    Faulty shortClaim = new Faulty(false, false, false);
    shortClaim.maxSteps = 2;
    ConformanceFailure failure =
        assertThrows(
            ConformanceFailure.class, () -> new GameConformance(shortClaim).randomPlayouts(1));
    assertEquals("faulty seed 0 did not end within maxSteps(config) = 2", failure.getMessage());
  }

  @Test
  void aGameThatAcceptsAnythingFails() {
    GameConformance kit = new GameConformance(new Faulty(false, false, true));
    assertThrows(ConformanceFailure.class, kit::invalidActionsRejected);
  }

  @Test
  void theReportNamesEveryCheckAndTheFailingOne() {
    ConformanceReport report = new GameConformance(new Faulty(false, false, true)).run(5);
    assertFalse(report.conforms());
    assertEquals("faulty", report.game());
    assertEquals(
        List.of(
            "config is strict",
            "random play-outs end (5 seeds)",
            "deterministic",
            "state round trip",
            "invalid actions rejected",
            "forfeit ends once"),
        report.checks().stream().map(ConformanceReport.Result::name).toList());
    assertEquals(
        List.of("invalid actions rejected"),
        report.failures().stream().map(ConformanceReport.Result::name).toList());
    assertTrue(
        report.failures().get(0).problem().contains("faulty accepted"),
        report.failures().get(0).problem());
  }

  @Test
  void aSoundVersionConforms() {
    ConformanceReport report = new GameConformance(new Faulty(false, false, false)).run(5);
    assertTrue(report.conforms(), report.failures().toString());
  }

  @Test
  void aSoundVersionPasses() {
    GameConformance kit = new GameConformance(new Faulty(false, false, false));
    kit.configIsStrict();
    kit.randomPlayouts(5);
    kit.determinism(1);
    kit.invalidActionsRejected();
    kit.forfeitEndsOnce(1);
  }
}

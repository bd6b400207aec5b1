package org.botarena.games.replay;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.botarena.games.Games;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class TransitionsTest {

  private static Replay played(String game, long seed) {
    return new LocalMatch(
            Games.type(game),
            null,
            seed,
            List.of(new HouseContestant("random"), new HouseContestant("random")),
            1000)
        .play()
        .replay();
  }

  @ParameterizedTest
  @ValueSource(strings = {"simple", "rps", "connect4", "hockey"})
  void everyDecisionWithWhatTheSpotSawAndRewardsThatAddUpToTheScore(String game) {
    Replay replay = played(game, 11);
    List<Transitions.Transition> rows = new Transitions().of(replay);

    int decisions = replay.frames().stream().mapToInt(f -> f.actions().size()).sum();
    assertEquals(decisions, rows.size(), "one row per spot and decision");

    // the observation is the viewer's (what the bot was sent), the action the recorded one
    JsonNode view = ReplayView.of(replay).get("frames");
    for (Transitions.Transition row : rows) {
      JsonNode frame = view.get(row.step() - 1);
      String spot = Integer.toString(row.spot());
      assertEquals(frame.get("observations").get(spot), row.observation(), row.toString());
      assertEquals(frame.get("actions").get(spot), row.action(), row.toString());
    }

    // each spot's rewards sum to its final score; done once per spot, on its last decision
    Map<Integer, Double> rewards = new TreeMap<>();
    Map<Integer, List<Transitions.Transition>> bySpot = new TreeMap<>();
    for (Transitions.Transition row : rows) {
      rewards.merge(row.spot(), row.reward(), Double::sum);
      bySpot.computeIfAbsent(row.spot(), s -> new ArrayList<>()).add(row);
    }
    replay
        .end()
        .get("scores")
        .fields()
        .forEachRemaining(
            e ->
                assertEquals(
                    e.getValue().asDouble(),
                    rewards.getOrDefault(Integer.parseInt(e.getKey()), 0.0),
                    1e-9,
                    "spot " + e.getKey() + "'s rewards"));
    for (List<Transitions.Transition> own : bySpot.values()) {
      for (int i = 0; i < own.size(); i++) {
        assertEquals(i == own.size() - 1, own.get(i).done(), own.get(i).toString());
        if (i > 0) {
          assertTrue(own.get(i).step() > own.get(i - 1).step(), "in step order");
        }
      }
    }
  }

  @Test
  void inATurnBasedGameTheLosersLastMoveCarriesTheEnd() {
    Replay replay = played("connect4", 3);
    List<Integer> winners = new ArrayList<>();
    replay.end().get("winners").forEach(w -> winners.add(w.intValue()));
    List<Transitions.Transition> rows = new Transitions().of(replay);
    Transitions.Transition last = rows.get(rows.size() - 1);
    Transitions.Transition secondLast = rows.get(rows.size() - 2);
    assertTrue(last.done() && secondLast.done(), "both spots' last moves end the game");
    assertTrue(last.spot() != secondLast.spot());
    if (!winners.isEmpty()) {
      Transitions.Transition winner = last.spot() == winners.get(0) ? last : secondLast;
      assertEquals(1.0, winner.reward(), "the winning move's point");
    }
  }

  @Test
  void aReplayCutOffBeforeItsEndHasNoDone() {
    Replay replay = played("rps", 5);
    Replay cut =
        new Replay(
            replay.header(),
            replay.initial(),
            replay.frames().subList(0, replay.frames().size() / 2),
            null);
    List<Transitions.Transition> rows = new Transitions().of(cut);
    assertFalse(rows.isEmpty());
    assertFalse(rows.stream().anyMatch(Transitions.Transition::done));
  }
}

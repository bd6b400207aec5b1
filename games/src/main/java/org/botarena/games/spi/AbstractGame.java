package org.botarena.games.spi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** What every game shares: the step counter, the outcome once decided, and forfeits. */
public abstract class AbstractGame implements Game {

  protected final int players;
  protected int steps;
  private Outcome outcome;

  protected AbstractGame(int players) {
    this.players = players;
  }

  @Override
  public final int steps() {
    return steps;
  }

  @Override
  public final boolean finished() {
    return outcome != null;
  }

  @Override
  public final Outcome outcome() {
    if (outcome == null) {
      throw new IllegalStateException("the game is not finished");
    }
    return outcome;
  }

  /** Decides the game; later calls are ignored so that a game ends exactly once. */
  protected final void end(EndReason reason, List<Integer> winners, Map<Integer, Double> scores) {
    if (outcome == null) {
      outcome = new Outcome(reason, winners, scores);
    }
  }

  /** Restores a decided outcome (from {@link #state()}). */
  protected final void restoreOutcome(Outcome decided) {
    outcome = decided;
  }

  /** The current scores, used for the outcome of a forfeit. */
  protected abstract Map<Integer, Double> scores();

  @Override
  public Map<Integer, Double> currentScores() {
    return finished() ? outcome().scores() : scores();
  }

  @Override
  public void forfeit(int spot, EndReason reason) {
    if (finished()) {
      return;
    }
    List<Integer> others = new ArrayList<>();
    for (int s = 0; s < players; s++) {
      if (s != spot) {
        others.add(s);
      }
    }
    end(reason, others, scores());
  }

  /** Checks the arguments of {@link #apply} the same way for every game. */
  protected final void checkActions(Map<Integer, ?> actions) {
    if (finished()) {
      throw new IllegalStateException("the game is finished");
    }
    for (int spot : playing()) {
      if (!actions.containsKey(spot)) {
        throw new IllegalArgumentException("no action for spot " + spot);
      }
    }
  }
}

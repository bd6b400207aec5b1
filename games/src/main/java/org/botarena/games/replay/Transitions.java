package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Consumer;
import java.util.function.Function;
import org.botarena.games.Games;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;

/**
 * A replay as learning data: one {@link Transition} per spot and decision, with what the spot
 * observed (re-computed from the recorded state by the game itself, as the replay viewer shows it),
 * the action applied, the reward and the end flag.
 *
 * <p>The reward of a decision is the change of the spot's score ({@link Game#currentScores}) from
 * that decision to the spot's next one, or to the end: in a simultaneous game that is the step's
 * own change; in a turn-based game it includes what the opponent's reply did. {@code done} is true
 * on each spot's last decision of a game that ended (a replay cut off before its end, e.g. a
 * dropped match, has no {@code done}).
 */
public final class Transitions {

  /**
   * One decision of one spot.
   *
   * @param step the step the action was applied in (from 1)
   * @param spot the spot
   * @param observation what the spot saw before acting
   * @param action the action applied (a missed deadline's no-op included)
   * @param reward the spot's score change until its next decision or the end
   * @param done whether the game ended before the spot's next decision
   */
  public record Transition(
      int step, int spot, JsonNode observation, JsonNode action, double reward, boolean done) {}

  private final Function<String, GameType> types;

  /** For the game types on the class path. */
  public Transitions() {
    this(Games::type);
  }

  public Transitions(Function<String, GameType> types) {
    this.types = types;
  }

  /**
   * Every decision of the replay, in the order of the steps they close at (each spot's in order).
   */
  public void forEach(Replay replay, Consumer<Transition> out) {
    GameType type = types.apply(replay.header().game());
    Game before = type.restore(replay.initial());
    Map<Integer, Open> open = new TreeMap<>();
    for (ReplayFrame frame : replay.frames()) {
      Map<Integer, Double> scores = before.currentScores();
      for (Map.Entry<Integer, JsonNode> action : frame.actions().entrySet()) {
        int spot = action.getKey();
        Open earlier = open.remove(spot);
        if (earlier != null) {
          out.accept(earlier.close(scores.getOrDefault(spot, 0.0), false));
        }
        open.put(
            spot,
            new Open(
                frame.step(),
                spot,
                before.observation(spot),
                action.getValue(),
                scores.getOrDefault(spot, 0.0)));
      }
      before = type.restore(frame.state());
    }
    boolean ended = replay.end() != null;
    Map<Integer, Double> last = ended ? endScores(replay) : before.currentScores();
    List<Open> rest = new ArrayList<>(open.values());
    rest.sort((a, b) -> Integer.compare(a.step, b.step));
    for (Open o : rest) {
      out.accept(o.close(last.getOrDefault(o.spot, 0.0), ended));
    }
  }

  /** The transitions as a list (tests, small replays). */
  public List<Transition> of(Replay replay) {
    List<Transition> all = new ArrayList<>();
    forEach(replay, all::add);
    return all;
  }

  private static Map<Integer, Double> endScores(Replay replay) {
    Map<Integer, Double> scores = new TreeMap<>();
    replay
        .end()
        .path("scores")
        .fields()
        .forEachRemaining(e -> scores.put(Integer.parseInt(e.getKey()), e.getValue().asDouble()));
    return scores;
  }

  /** A decision whose reward is not known yet. */
  private record Open(int step, int spot, JsonNode observation, JsonNode action, double score) {
    Transition close(double scoreNow, boolean done) {
      return new Transition(step, spot, observation, action, scoreNow - score, done);
    }
  }
}

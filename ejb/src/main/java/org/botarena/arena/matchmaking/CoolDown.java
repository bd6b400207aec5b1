package org.botarena.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The cool-down: which pairs of bots should not meet again yet, so that a bot sees a variety of
 * opponents. Counted in games ({@code games}: two bots do not meet again until each of them has
 * played that many other games in the arena since), which scales with the arena's speed, or in
 * seconds ({@code seconds}, the older rule, which caps a fast arena: at 50 bots and 60 s a bot can
 * meet at most 49 others a minute). Either may be 0 (off). {@link Pairing} lets pairs that cool
 * meet anyway when their bots have nobody else. The leader ({@code MatchmakingPass}) and the
 * simulation ({@code bench ratings}) both use this rule.
 */
public record CoolDown(int seconds, int games) {

  /** The two bots last met at {@code met}: still within the cool-down in seconds? */
  public boolean withinSeconds(Instant met, Instant now) {
    return seconds > 0 && Duration.between(met, now).toMillis() < seconds * 1000L;
  }

  /**
   * The meetings that cool by the games rule.
   *
   * @param latestOpponents per waiting bot, the opponents of its latest games in the arena, latest
   *     first (at least {@link #games()} of them when it played so many; more are ignored)
   */
  public Set<Pairing.Meeting> byGames(Map<Long, List<Long>> latestOpponents) {
    Set<Pairing.Meeting> cooling = new HashSet<>();
    if (games <= 0) {
      return cooling;
    }
    // b among a's latest N opponents means a played fewer than N other games since it met b
    latestOpponents.forEach(
        (bot, opponents) -> {
          for (long opponent : opponents.subList(0, Math.min(games, opponents.size()))) {
            cooling.add(Pairing.Meeting.of(bot, opponent));
          }
        });
    return cooling;
  }
}

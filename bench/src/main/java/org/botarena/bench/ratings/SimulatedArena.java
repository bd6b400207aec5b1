package org.botarena.bench.ratings;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.SplittableRandom;
import org.botarena.arena.matchmaking.CoolDown;
import org.botarena.arena.matchmaking.Pairing;
import org.botarena.arena.ratings.RatingCalculator;

/**
 * A training arena on a simulated clock: bots of known true skill, the real {@link Pairing} every
 * second, matches lasting 5-15 s whose outcomes are drawn from the true skills (OpenSkill's own
 * model: performance = skill + N(0, beta), a draw when the two are within the draw margin), and the
 * real {@link RatingCalculator} applied to each result. The cool-down and the kept share's limit
 * are the leader's own rules ({@link CoolDown}, {@link Pairing#keepableAfter}).
 */
public final class SimulatedArena {

  static final double BETA = 25.0 / 6;

  /** Performances this close are a draw (about 5% of even games). */
  static final double DRAW_MARGIN = 0.35;

  private final double[] skill;
  private final double[] mu;
  private final double[] sigma;
  private final int[] games;
  private final Instant[] waitingSince;
  private final Pairing pairing;
  private final CoolDown coolDown;
  private final int keepWaitingPasses;

  /** Each bot's opponents, latest first (as many as the cool-down in games reads). */
  private final List<java.util.LinkedList<Long>> latestOpponents = new ArrayList<>();

  private final RatingCalculator ratings = new RatingCalculator();
  private final SplittableRandom random;
  private final PriorityQueue<Running> running =
      new PriorityQueue<>((a, b) -> a.ends.compareTo(b.ends));
  private final Map<Pairing.Meeting, Instant> lastMet = new HashMap<>();
  private static final Instant START = Instant.parse("2026-01-01T00:00:00Z");
  private Instant now = START;
  private long matches;
  private double drawProbabilitySum;
  private double waitedSeconds;

  private record Running(int a, int b, Instant ends) {}

  public SimulatedArena(
      double[] skill,
      Pairing.Settings settings,
      CoolDown coolDown,
      int keepWaitingPasses,
      long seed) {
    this.skill = skill.clone();
    int n = skill.length;
    this.mu = new double[n];
    this.sigma = new double[n];
    this.games = new int[n];
    this.waitingSince = new Instant[n];
    java.util.Arrays.fill(mu, 25.0);
    java.util.Arrays.fill(sigma, 25.0 / 3);
    java.util.Arrays.fill(waitingSince, now);
    this.pairing = new Pairing(ratings, settings);
    this.coolDown = coolDown;
    this.keepWaitingPasses = keepWaitingPasses;
    for (int i = 0; i < n; i++) {
      latestOpponents.add(new java.util.LinkedList<>());
    }
    this.random = new SplittableRandom(seed);
  }

  /** Runs passes (one per simulated second) until {@code totalMatches} matches have finished. */
  public void runUntil(long totalMatches) {
    while (matches < totalMatches) {
      finishDueMatches();
      pass();
      now = now.plusSeconds(1);
    }
  }

  private void pass() {
    List<Pairing.Candidate> waiting = new ArrayList<>();
    int[] place = leaderboardPositions();
    for (int i = 0; i < skill.length; i++) {
      if (waitingSince[i] != null) {
        waiting.add(new Pairing.Candidate(i, mu[i], sigma[i], waitingSince[i], place[i]));
      }
    }
    Map<Long, List<Long>> opponents = new HashMap<>();
    for (Pairing.Candidate c : waiting) {
      opponents.put(c.botId(), latestOpponents.get((int) c.botId()));
    }
    Set<Pairing.Meeting> cooling = new java.util.HashSet<>(coolDown.byGames(opponents));
    lastMet.forEach(
        (meeting, when) -> {
          if (coolDown.withinSeconds(when, now)) {
            cooling.add(meeting);
          }
        });
    // the earlier passes ran a second apart
    List<Instant> earlier = new ArrayList<>();
    for (int k = 1; k <= keepWaitingPasses && !now.minusSeconds(k).isBefore(START); k++) {
      earlier.add(now.minusSeconds(k));
    }
    Instant keepableAfter = Pairing.keepableAfter(earlier, keepWaitingPasses);
    for (Pairing.Pair pair : pairing.choose(waiting, skill.length, cooling, keepableAfter, now)) {
      int a = (int) pair.first().botId();
      int b = (int) pair.second().botId();
      waitedSeconds +=
          Duration.between(waitingSince[a], now).getSeconds()
              + Duration.between(waitingSince[b], now).getSeconds();
      waitingSince[a] = null;
      waitingSince[b] = null;
      drawProbabilitySum += ratings.drawProbability(skill[a], 1e-9, skill[b], 1e-9);
      running.add(new Running(a, b, now.plusSeconds(5 + random.nextInt(11))));
      lastMet.put(Pairing.Meeting.of(a, b), now);
      remember(a, b);
      remember(b, a);
    }
  }

  private void remember(int bot, int opponent) {
    java.util.LinkedList<Long> latest = latestOpponents.get(bot);
    latest.addFirst((long) opponent);
    if (latest.size() > coolDown.games()) {
      latest.removeLast();
    }
  }

  /** Every bot's place on the leaderboard (mu - 3 sigma, 1 is the top; ties by index). */
  private int[] leaderboardPositions() {
    Integer[] order = new Integer[skill.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order,
        java.util.Comparator.comparingDouble((Integer i) -> -(mu[i] - 3 * sigma[i]))
            .thenComparingInt(i -> i));
    int[] place = new int[skill.length];
    for (int k = 0; k < order.length; k++) {
      place[order[k]] = k + 1;
    }
    return place;
  }

  private void finishDueMatches() {
    while (!running.isEmpty() && !running.peek().ends().isAfter(now)) {
      Running match = running.poll();
      double difference =
          (skill[match.a()] + BETA * gaussian()) - (skill[match.b()] + BETA * gaussian());
      int rankA = Math.abs(difference) < DRAW_MARGIN ? 1 : difference > 0 ? 1 : 2;
      int rankB = Math.abs(difference) < DRAW_MARGIN ? 1 : difference > 0 ? 2 : 1;
      Map<Long, RatingCalculator.Updated> updated =
          ratings.rate(
              List.of(
                  new RatingCalculator.Standing(match.a(), mu[match.a()], sigma[match.a()], rankA),
                  new RatingCalculator.Standing(
                      match.b(), mu[match.b()], sigma[match.b()], rankB)));
      for (int bot : new int[] {match.a(), match.b()}) {
        mu[bot] = updated.get((long) bot).mu();
        sigma[bot] = updated.get((long) bot).sigma();
        games[bot]++;
        waitingSince[bot] = now;
      }
      matches++;
    }
  }

  private double gaussian() {
    // Box-Muller on the seeded generator, so that runs are reproducible
    return Math.sqrt(-2 * Math.log(1 - random.nextDouble()))
        * Math.cos(2 * Math.PI * random.nextDouble());
  }

  /** Kendall's tau between the leaderboard (mu - 3 sigma) and the true skills. */
  public double kendallTau() {
    return kendallTau(3);
  }

  /** Kendall's tau between the order by mu alone and the true skills. */
  public double kendallTauByMu() {
    return kendallTau(0);
  }

  private double kendallTau(double sigmas) {
    int n = skill.length;
    long concordant = 0;
    long discordant = 0;
    for (int i = 0; i < n; i++) {
      for (int j = i + 1; j < n; j++) {
        double truth = Math.signum(skill[i] - skill[j]);
        double board = Math.signum((mu[i] - sigmas * sigma[i]) - (mu[j] - sigmas * sigma[j]));
        if (truth * board > 0) {
          concordant++;
        } else if (truth * board < 0) {
          discordant++;
        }
      }
    }
    return (concordant - discordant) / (n * (n - 1) / 2.0);
  }

  /** Games per bot: the coefficient of variation (standard deviation / mean). */
  public double gamesSpread() {
    double mean = 0;
    for (int g : games) {
      mean += g;
    }
    mean /= games.length;
    double variance = 0;
    for (int g : games) {
      variance += (g - mean) * (g - mean);
    }
    return Math.sqrt(variance / games.length) / mean;
  }

  public int fewestGames() {
    return java.util.Arrays.stream(games).min().orElse(0);
  }

  public int mostGames() {
    return java.util.Arrays.stream(games).max().orElse(0);
  }

  /** The mean true draw probability of the matches scheduled: how informative they were. */
  public double meanTrueDrawProbability() {
    long scheduled = matches + running.size();
    return scheduled == 0 ? 0 : drawProbabilitySum / scheduled;
  }

  /** Mean seconds a bot waited in the queue before a match. */
  public double meanWaitSeconds() {
    long scheduled = matches + running.size();
    return scheduled == 0 ? 0 : waitedSeconds / (2.0 * scheduled);
  }

  public long simulatedSeconds() {
    return Duration.between(START, now).getSeconds();
  }
}

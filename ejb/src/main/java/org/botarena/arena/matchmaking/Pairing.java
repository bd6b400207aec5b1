package org.botarena.arena.matchmaking;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.botarena.arena.ratings.RatingCalculator;
import org.jgrapht.Graph;
import org.jgrapht.alg.matching.blossom.v5.KolmogorovWeightedMatching;
import org.jgrapht.alg.matching.blossom.v5.ObjectiveSense;
import org.jgrapht.graph.DefaultWeightedEdge;
import org.jgrapht.graph.builder.GraphTypeBuilder;
import org.jgrapht.util.SupplierUtil;

/**
 * Chooses pairs among waiting bots. A pair is acceptable when its quality (by default its draw
 * probability; the {@link Strategy} decides, see {@link PairQuality}) plus a bonus for the minutes
 * both have waited exceeds the threshold, so good matches come first and nobody waits forever.
 * Among the acceptable pairs it takes the set with the highest total score (a maximum-weight
 * matching, Blossom V) rather than the first ones found; COMPRL's original "first acceptable
 * partner" rule stays available for comparison (docs/ratings.md). Pairs that met within the
 * cool-down ({@link CoolDown}) are left out unless their bots have nobody else, and a share of the
 * online bots is kept waiting so that the next pass has choice (only bots that arrived since a
 * given instant, so that nobody is kept pass after pass).
 */
public final class Pairing {

  /** What makes a pair good, and how pairs are picked among the acceptable ones. */
  public enum Strategy {
    /** Draw probability; the set of disjoint acceptable pairs with the highest total score. */
    BEST_SET(new DrawProbability(), true),
    /** Draw probability; oldest waiting bot first, with its first acceptable partner (COMPRL's). */
    FIRST_ACCEPTABLE(new DrawProbability(), false),
    /** comprl's Gaussian of the distance on the leaderboard; the best set. */
    GAUSSIAN_LEADERBOARD(new GaussianLeaderboard(), true),
    /** The expected information of the result about both skills; the best set. */
    INFORMATION_GAIN(new InformationGain(), true);

    private final PairQuality quality;
    private final boolean bestSet;

    Strategy(PairQuality quality, boolean bestSet) {
      this.quality = quality;
      this.bestSet = bestSet;
    }

    /** The quality this strategy scores pairs by (before the waiting bonus). */
    public PairQuality quality() {
      return quality;
    }

    /** Its name in configuration: {@code best-set}, {@code information-gain}, ... */
    public String configName() {
      return name().toLowerCase(Locale.ROOT).replace('_', '-');
    }

    /** From configuration: one of the {@link #configName()}s, in any case. */
    public static Strategy of(String name) {
      try {
        return valueOf(name.trim().toUpperCase(Locale.ROOT).replace('-', '_'));
      } catch (IllegalArgumentException e) {
        throw new IllegalArgumentException(
            "arena.matchmaking.strategy is best-set, first-acceptable, gaussian-leaderboard or"
                + " information-gain, got '"
                + name
                + "'");
      }
    }
  }

  /**
   * A bot waiting for a match.
   *
   * @param leaderboardPosition its place on the arena's leaderboard (1 is the top), 0 when unknown;
   *     only {@code gaussian-leaderboard} reads it
   */
  public record Candidate(
      long botId, double mu, double sigma, Instant waitingSince, int leaderboardPosition) {
    public Candidate(long botId, double mu, double sigma, Instant waitingSince) {
      this(botId, mu, sigma, waitingSince, 0);
    }
  }

  /** A chosen pair and the score that chose it. */
  public record Pair(Candidate first, Candidate second, double score) {}

  /** Two bots, in either order: the key of the cool-down. */
  public record Meeting(long low, long high) {
    public static Meeting of(long a, long b) {
      return new Meeting(Math.min(a, b), Math.max(a, b));
    }
  }

  /**
   * The knobs (from configuration).
   *
   * @param threshold the score a pair must exceed
   * @param bonusPerMinute added to the score per combined minute of waiting
   * @param keepWaitingShare the share of online bots left waiting after a pass (rounded down)
   * @param strategy how pairs are picked
   */
  public record Settings(
      double threshold, double bonusPerMinute, double keepWaitingShare, Strategy strategy) {
    public Settings(double threshold, double bonusPerMinute) {
      this(threshold, bonusPerMinute, 0, Strategy.BEST_SET);
    }
  }

  /**
   * The instant after which a bot must have started waiting for the kept share to hold it back,
   * when it may be held through at most {@code passes} passes in a row (0: no limit, null).
   *
   * @param earlierPasses when the arena's earlier passes started, latest first (as many as are
   *     known; fewer than {@code passes}: nobody has been held that long yet)
   */
  public static Instant keepableAfter(List<Instant> earlierPasses, int passes) {
    return passes <= 0 || earlierPasses.size() < passes ? null : earlierPasses.get(passes - 1);
  }

  /** Scores are integers (micro-units) for the matching, which is exact on integer weights. */
  private static final double SCALE = 1_000_000;

  private final RatingCalculator ratings;
  private final Settings settings;

  public Pairing(RatingCalculator ratings, Settings settings) {
    this.ratings = ratings;
    this.settings = settings;
  }

  /** Pairs without cool-down or kept-waiting share: every waiting bot counts as the online ones. */
  public List<Pair> choose(List<Candidate> waiting, Instant now) {
    return choose(waiting, waiting.size(), Set.of(), now);
  }

  /**
   * The pairs to schedule now, best first.
   *
   * @param waiting the bots waiting (each at most once)
   * @param online how many bots are online in all (playing ones included): the kept share's base
   * @param cooling the meetings still within the cool-down
   */
  public List<Pair> choose(List<Candidate> waiting, int online, Set<Meeting> cooling, Instant now) {
    return choose(waiting, online, cooling, null, now);
  }

  /**
   * The pairs to schedule now, best first.
   *
   * @param waiting the bots waiting (each at most once)
   * @param online how many bots are online in all (playing ones included): the kept share's base
   * @param cooling the meetings still within the cool-down
   * @param keepableAfter the kept share holds back only pairs of bots waiting since after this
   *     instant (the start of the earliest pass a bot may be kept through); older ones have been
   *     kept long enough. Null: any bot may be kept.
   */
  public List<Pair> choose(
      List<Candidate> waiting,
      int online,
      Set<Meeting> cooling,
      Instant keepableAfter,
      Instant now) {
    List<Candidate> queue = new ArrayList<>(waiting);
    // oldest waiting first: the order "first acceptable" walks in, and a stable order for ties
    queue.sort(
        Comparator.comparing(
                (Candidate c) -> c.waitingSince() == null ? Instant.MAX : c.waitingSince())
            .thenComparingLong(Candidate::botId));
    PairQuality.Scores quality = settings.strategy().quality().forPass(queue, ratings);
    List<Pair> chosen = new ArrayList<>(pick(acceptable(queue, quality, cooling, now)));
    // "unless nobody else is there": those left over may meet again despite the cool-down
    Set<Long> paired = botsOf(chosen);
    List<Candidate> left = queue.stream().filter(c -> !paired.contains(c.botId())).toList();
    chosen.addAll(pick(acceptable(left, quality, Set.of(), now)));
    chosen.sort(Comparator.comparingDouble(Pair::score).reversed());
    return keptBack(chosen, queue.size(), online, keepableAfter);
  }

  /**
   * {@code chosen} (best first) less the worst pairs of keepable bots, until the kept share of the
   * online bots is left unpaired or no such pair remains.
   */
  private List<Pair> keptBack(List<Pair> chosen, int waiting, int online, Instant keepableAfter) {
    int keep = (int) Math.floor(settings.keepWaitingShare() * online);
    int unpaired = waiting - 2 * chosen.size();
    List<Pair> scheduled = new ArrayList<>(chosen);
    for (int i = scheduled.size() - 1; i >= 0 && unpaired < keep; i--) {
      Pair pair = scheduled.get(i);
      if (keepable(pair.first(), keepableAfter) && keepable(pair.second(), keepableAfter)) {
        scheduled.remove(i);
        unpaired += 2;
      }
    }
    return scheduled;
  }

  private static boolean keepable(Candidate c, Instant keepableAfter) {
    return keepableAfter == null
        || c.waitingSince() == null
        || c.waitingSince().isAfter(keepableAfter);
  }

  private List<Pair> acceptable(
      List<Candidate> queue, PairQuality.Scores quality, Set<Meeting> cooling, Instant now) {
    List<Pair> acceptable = new ArrayList<>();
    for (int i = 0; i < queue.size(); i++) {
      for (int j = i + 1; j < queue.size(); j++) {
        Candidate a = queue.get(i);
        Candidate b = queue.get(j);
        if (a.botId() == b.botId() || cooling.contains(Meeting.of(a.botId(), b.botId()))) {
          continue;
        }
        double score = score(quality, a, b, now);
        if (score > settings.threshold()) {
          acceptable.add(new Pair(a, b, score));
        }
      }
    }
    return acceptable;
  }

  private List<Pair> pick(List<Pair> acceptable) {
    if (acceptable.isEmpty()) {
      return List.of();
    }
    return settings.strategy().bestSet ? bestSet(acceptable) : firstAcceptable(acceptable);
  }

  /** The acceptable pairs come in queue order (i, then j), which is the order COMPRL tried them. */
  private static List<Pair> firstAcceptable(List<Pair> acceptable) {
    Set<Long> taken = new HashSet<>();
    List<Pair> chosen = new ArrayList<>();
    for (Pair pair : acceptable) {
      if (!taken.contains(pair.first().botId()) && !taken.contains(pair.second().botId())) {
        taken.add(pair.first().botId());
        taken.add(pair.second().botId());
        chosen.add(pair);
      }
    }
    return chosen;
  }

  private static List<Pair> bestSet(List<Pair> acceptable) {
    // vertices are indices; the matching adds vertices of its own (from the supplier) internally
    Map<Long, Integer> index = new HashMap<>();
    for (Pair pair : acceptable) {
      index.putIfAbsent(pair.first().botId(), index.size());
      index.putIfAbsent(pair.second().botId(), index.size());
    }
    Graph<Integer, DefaultWeightedEdge> graph =
        GraphTypeBuilder.<Integer, DefaultWeightedEdge>undirected()
            .weighted(true)
            .allowingMultipleEdges(false)
            .allowingSelfLoops(false)
            .vertexSupplier(SupplierUtil.createIntegerSupplier(index.size()))
            .edgeClass(DefaultWeightedEdge.class)
            .buildGraph();
    index.values().forEach(graph::addVertex);
    Map<DefaultWeightedEdge, Integer> order = new HashMap<>();
    for (Pair pair : acceptable) {
      DefaultWeightedEdge edge =
          graph.addEdge(index.get(pair.first().botId()), index.get(pair.second().botId()));
      graph.setEdgeWeight(edge, Math.round(pair.score() * SCALE));
      order.put(edge, order.size());
    }
    // the matching's edge set iterates in identity-hash order: back to queue order, so that ties
    // (sorted by score, then cut by the kept share) fall the same way in every run
    List<Integer> matched = new ArrayList<>();
    for (DefaultWeightedEdge edge :
        new KolmogorovWeightedMatching<>(graph, ObjectiveSense.MAXIMIZE).getMatching()) {
      matched.add(order.get(edge));
    }
    matched.sort(null);
    return matched.stream().map(acceptable::get).toList();
  }

  private static Set<Long> botsOf(List<Pair> pairs) {
    Set<Long> bots = new HashSet<>();
    for (Pair pair : pairs) {
      bots.add(pair.first().botId());
      bots.add(pair.second().botId());
    }
    return bots;
  }

  /** The pair's quality plus the waiting bonus: combined waiting minutes times the bonus. */
  private double score(PairQuality.Scores quality, Candidate a, Candidate b, Instant now) {
    double minutes = (waited(a, now) + waited(b, now)) / 60_000.0;
    return quality.of(a, b) + minutes * settings.bonusPerMinute();
  }

  private static long waited(Candidate c, Instant now) {
    return c.waitingSince() == null
        ? 0
        : Math.max(0, Duration.between(c.waitingSince(), now).toMillis());
  }
}

package org.botarena.arena.matchmaking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.botarena.arena.matches.MatchBooking;
import org.botarena.arena.platform.SqlValues;
import org.botarena.arena.ratings.LeaderboardService;
import org.botarena.arena.ratings.Rating;
import org.botarena.arena.ratings.RatingCalculator;
import org.botarena.arena.ratings.TimeWeight;
import org.botarena.arena.sessions.GameSlots;
import org.botarena.db.TrainingArenas;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.hibernate.Session;

/** One matchmaking pass over a training arena's waiting bots, in one transaction. */
@Stateless
public class MatchmakingPass {

  private static final RatingCalculator CALCULATOR = new RatingCalculator();

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject MatchBooking booking;

  @Inject
  @ConfigProperty(name = "arena.ratings.time-weight")
  String timeWeightFunction;

  @Inject
  @ConfigProperty(name = "arena.ratings.time-weight.rate-per-day")
  double timeWeightRate;

  /** {@link GameSlots}: training and tournament games a bot plays at once. */
  @Inject
  @ConfigProperty(name = GameSlots.KEY, defaultValue = "1")
  int parallelGames = 1;

  /** The operator's defaults of the arenas' settings. */
  @Inject Config config;

  @Inject HouseBotRoster houseBots;

  @Inject TrainingGames trainingGames;

  @Inject LeaderboardService leaderboard;

  /** The training arena of {@code gameType}'s id, opened (with its first season) on first use. */
  public long trainingArena(String gameType) {
    return em.unwrap(Session.class).doReturningWork(c -> TrainingArenas.ensure(c, gameType));
  }

  /** The arena of {@code gameType} as stored now: its game config and its own settings. */
  public TrainingArenas.Arena arena(String gameType) {
    return em.unwrap(Session.class).doReturningWork(c -> TrainingArenas.read(c, gameType));
  }

  /** {@code arena}'s settings in force: its own over the operator's. */
  public TrainingSettings settings(TrainingArenas.Arena arena) {
    return TrainingSettings.of(
        arena.gameType(), arena.settings(), key -> config.getValue(key, String.class));
  }

  /**
   * One pass over {@code gameType}'s arena, with its config and settings as they are stored now:
   * pairs the bots waiting for this game and schedules their matches, then gives house-bot
   * opponents to those left waiting when too few of the arena's bots are online. Returns what it
   * did, with the arena's interval (its longest pause before the next pass) as stored now.
   */
  public Outcome run(String gameType, List<Instant> earlierPasses) {
    long arenaId = trainingArena(gameType);
    TrainingArenas.Arena arena = arena(gameType);
    TrainingSettings settings = settings(arena);
    Outcome outcome = run(arenaId, gameType, arena.config(), settings, earlierPasses);
    return new Outcome(outcome.scheduled(), outcome.leftWaiting(), settings.intervalMs());
  }

  /**
   * What a pass did: the matches it scheduled, the bots it left waiting (kept, or with nobody to
   * play), and the arena's interval in milliseconds (0 when not read).
   */
  public record Outcome(int scheduled, int leftWaiting, int intervalMs) {}

  /**
   * {@code earlierPasses}: when this arena's earlier passes started, latest first (the kept share
   * holds a bot through at most {@code keep-waiting-passes}).
   */
  Outcome run(
      long arenaId,
      String gameType,
      String config,
      TrainingSettings settings,
      List<Instant> earlierPasses) {
    List<Pairing.Candidate> waiting = waiting(arenaId, gameType);
    if (waiting.isEmpty()) {
      return new Outcome(0, 0, 0);
    }
    Instant now = Instant.now();
    int online = online(gameType);
    double weight = new TimeWeight(timeWeightFunction, timeWeightRate).of(arenaStart(arenaId), now);
    Pairing.Strategy chosen = settings.pairing().strategy();
    if (chosen.quality().readsLeaderboardPositions()) {
      waiting = placed(waiting, leaderboard.places(gameType));
    }
    Pairing pairing = new Pairing(CALCULATOR, settings.pairing());
    List<Pairing.Pair> pairs =
        waiting.size() < 2
            ? List.of()
            : pairing.choose(
                waiting,
                online,
                cooling(arenaId, settings.coolDown(), waiting),
                Pairing.keepableAfter(earlierPasses, settings.keepWaitingPasses()),
                now);
    Set<Long> paired = new HashSet<>();
    for (Pairing.Pair pair : pairs) {
      booking.book(arenaId, gameType, config, weight, pair.first().botId(), pair.second().botId());
      paired.add(pair.first().botId());
      paired.add(pair.second().botId());
    }
    List<Pairing.Candidate> unpaired =
        waiting.stream().filter(c -> !paired.contains(c.botId())).toList();
    int filled = 0;
    if (!unpaired.isEmpty()) {
      List<HouseFill.Fill> fills =
          new HouseFill(CALCULATOR, settings.houseFill())
              .choose(unpaired, houseBots.of(gameType, settings.houseBots()), online, now);
      for (HouseFill.Fill fill : fills) {
        booking.book(arenaId, gameType, config, weight, fill.botId(), fill.houseBotId());
      }
      filled = fills.size();
    }
    return new Outcome(pairs.size() + filled, waiting.size() - paired.size() - filled, 0);
  }

  private static List<Pairing.Candidate> placed(
      List<Pairing.Candidate> waiting, LeaderboardService.Places places) {
    return waiting.stream()
        .map(
            c ->
                new Pairing.Candidate(
                    c.botId(), c.mu(), c.sigma(), c.waitingSince(), places.of(c.botId())))
        .toList();
  }

  /**
   * Where the arena's time weight counts from: its current season's start (V19), else its creation.
   */
  private Instant arenaStart(long arenaId) {
    return SqlValues.instant(
        em.createNativeQuery(
                "select coalesce((select started_at from seasons where arena_id = ?1 and ended_at"
                    + " is null), (select created_at from arenas where id = ?1))")
            .setParameter(1, arenaId)
            .getSingleResult());
  }

  /** The pairs of bots that met in this arena within the cool-down, in games or in seconds. */
  private Set<Pairing.Meeting> cooling(
      long arenaId, CoolDown coolDown, List<Pairing.Candidate> waiting) {
    Set<Pairing.Meeting> cooling =
        new HashSet<>(coolDown.byGames(latestOpponents(arenaId, coolDown.games(), waiting)));
    cooling.addAll(withinSeconds(arenaId, coolDown.seconds()));
    return cooling;
  }

  /**
   * Each waiting bot's opponents in its latest {@code games} games in this arena, latest first: one
   * bounded index scan per bot ({@code match_players_bot_latest}, V27), whatever its history.
   */
  private Map<Long, List<Long>> latestOpponents(
      long arenaId, int games, List<Pairing.Candidate> waiting) {
    Map<Long, List<Long>> opponents = new HashMap<>();
    if (games <= 0 || waiting.isEmpty()) {
      return opponents;
    }
    List<?> rows =
        em.createNativeQuery(
                "select w.bot_id, o.bot_id from"
                    + " unnest(cast(string_to_array(?1, ',') as bigint[])) as w(bot_id)"
                    + " cross join lateral (select p.match_id, p.created_at from match_players p"
                    + " join matches m on m.id = p.match_id and m.arena_id = ?2"
                    + " where p.bot_id = w.bot_id"
                    + " order by p.created_at desc nulls last limit ?3) latest"
                    + " join match_players o on o.match_id = latest.match_id"
                    + " and o.bot_id <> w.bot_id"
                    + " order by w.bot_id, latest.created_at desc nulls last")
            .setParameter(
                1,
                waiting.stream()
                    .map(c -> Long.toString(c.botId()))
                    .collect(java.util.stream.Collectors.joining(",")))
            .setParameter(2, arenaId)
            .setParameter(3, games)
            .getResultList();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      opponents
          .computeIfAbsent(((Number) r[0]).longValue(), k -> new ArrayList<>())
          .add(((Number) r[1]).longValue());
    }
    return opponents;
  }

  /** The pairs of bots that met in this arena within the last {@code coolDownSeconds}. */
  private Set<Pairing.Meeting> withinSeconds(long arenaId, int coolDownSeconds) {
    if (coolDownSeconds <= 0) {
      return Set.of();
    }
    List<?> rows =
        em.createNativeQuery(
                "select a.bot_id, b.bot_id from matches m join match_players a on a.match_id = m.id"
                    + " join match_players b on b.match_id = m.id and a.bot_id < b.bot_id"
                    + " where m.arena_id = ?1 and m.created_at > now() - make_interval(secs => ?2)")
            .setParameter(1, arenaId)
            .setParameter(2, coolDownSeconds)
            .getResultList();
    Set<Pairing.Meeting> meetings = new HashSet<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      meetings.add(Pairing.Meeting.of(((Number) r[0]).longValue(), ((Number) r[1]).longValue()));
    }
    return meetings;
  }

  /** The bots online that take games of this arena (playing ones included). */
  private int online(String gameType) {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from bot_sessions s join bots b on b.id = s.bot_id"
                        + " where b.debug_arena_id is null and "
                        + WANTS)
                .setParameter(1, gameType)
                .getSingleResult())
        .intValue();
  }

  /** SQL: the session {@code s} takes games of the arena of game {@code ?1} (hello's games). */
  public static final String WANTS = "(s.games is null or ?1 = any(s.games))";

  /**
   * SQL: the bot of session {@code s} is in the current level of a running tournament, whose games
   * it is kept for.
   */
  public static final String IN_TOURNAMENT_LEVEL =
      "exists (select 1 from tournament_players tp join tournaments t on t.id = tp.tournament_id"
          + " where tp.bot_id = s.bot_id and tp.round = t.round and tp.level = t.level"
          + " and t.phase not in ('WAITING_NEXT_ROUND', 'CLOSED'))";

  /**
   * SQL: the bot of session {@code s} has a game on in arena {@code ?2}, and another training game
   * of {@code ?3} (comma-separated) that it wants, has no game of, and another online bot wants.
   */
  private static final String SPREAD =
      " and not (exists (select 1 from match_players p join matches m on m.id = p.match_id"
          + " where p.bot_id = s.bot_id and m.arena_id = ?2 and m.state in ('QUEUED', 'RUNNING'))"
          + " and exists (select 1 from unnest(string_to_array(?3, ',')) as o(game)"
          + " where o.game <> ?1 and (s.games is null or o.game = any(s.games))"
          + " and not exists (select 1 from match_players p join matches m on m.id = p.match_id"
          + " join arenas a on a.id = m.arena_id where p.bot_id = s.bot_id and m.game_type ="
          + " o.game and m.state in ('QUEUED', 'RUNNING') and a.kind <> 'DEBUG')"
          + " and exists (select 1 from bot_sessions s2 join bots b2 on b2.id = s2.bot_id"
          + " where s2.bot_id <> s.bot_id and b2.debug_arena_id is null"
          + " and (s2.games is null or o.game = any(s2.games)))))";

  /**
   * Queued sessions with their ratings; rows locked so no other pass can take the same bots. A bot
   * waits in this arena since it queued, or, when it plays several games at once ({@link
   * GameSlots}), since its latest game here that is still on: a bot busy in another arena has
   * waited here all along, one that just got a game here has not. Such a bot spreads its slots over
   * the games it wants: it takes a second game here only while it has a game on in each other arena
   * it wants that has another bot online to play (read apart, a bot that wants simple and rps
   * filled both slots with rps and hardly ever played simple).
   */
  private List<Pairing.Candidate> waiting(long arenaId, String gameType) {
    String since =
        GameSlots.checked(parallelGames) == 1
            ? "s.waiting_since" // a queued bot has no game on: it queued after its last one
            : "greatest(s.waiting_since, (select max(m.created_at) from match_players p join"
                + " matches m on m.id = p.match_id where p.bot_id = s.bot_id and m.arena_id = ?2"
                + " and m.state in ('QUEUED', 'RUNNING')))";
    boolean spread = GameSlots.checked(parallelGames) > 1 && trainingGames.all().size() > 1;
    jakarta.persistence.Query query =
        em.createNativeQuery(
                "select s.bot_id, r.mu, r.sigma, "
                    + since
                    + " from bot_sessions s"
                    + " left join ratings r on r.bot_id = s.bot_id and r.game_type = ?1"
                    + " where s.state = 'QUEUED' and "
                    + WANTS
                    // a debug arena's spots play only the games their team starts by hand
                    + " and not exists (select 1 from bots b where b.id = s.bot_id and"
                    + " b.debug_arena_id is not null)"
                    + " and not "
                    + IN_TOURNAMENT_LEVEL
                    + (spread ? SPREAD : "")
                    + " for update of s skip locked")
            .setParameter(1, gameType);
    if (since.contains("?2")) {
      query.setParameter(2, arenaId);
    }
    if (spread) {
      query.setParameter(3, String.join(",", trainingGames.all()));
    }
    List<?> rows = query.getResultList();
    List<Pairing.Candidate> candidates = new ArrayList<>();
    for (Object o : rows) {
      Object[] r = (Object[]) o;
      candidates.add(
          new Pairing.Candidate(
              ((Number) r[0]).longValue(),
              r[1] == null ? Rating.INITIAL_MU : ((Number) r[1]).doubleValue(),
              r[2] == null ? Rating.INITIAL_SIGMA : ((Number) r[2]).doubleValue(),
              SqlValues.instant(r[3])));
    }
    return candidates;
  }
}

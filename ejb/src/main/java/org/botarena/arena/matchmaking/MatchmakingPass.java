package org.botarena.arena.matchmaking;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.botarena.arena.matches.MatchBooking;
import org.botarena.arena.platform.SqlValues;
import org.botarena.arena.ratings.LeaderboardService;
import org.botarena.arena.ratings.Rating;
import org.botarena.arena.ratings.RatingCalculator;
import org.botarena.arena.ratings.TimeWeight;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/** One matchmaking pass over the training arena's waiting bots, in one transaction. */
@Stateless
public class MatchmakingPass {

  private static final RatingCalculator CALCULATOR = new RatingCalculator();

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject MatchBooking booking;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.threshold")
  double threshold;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.waiting-bonus-per-minute")
  double bonusPerMinute;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.strategy")
  String strategy;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.keep-waiting-share")
  double keepWaitingShare;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.cool-down-seconds")
  int coolDownSeconds;

  @Inject
  @ConfigProperty(name = "arena.ratings.time-weight")
  String timeWeightFunction;

  @Inject
  @ConfigProperty(name = "arena.ratings.time-weight.rate-per-day")
  double timeWeightRate;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.house-fill.min-online")
  int houseMinOnline;

  @Inject
  @ConfigProperty(name = "arena.matchmaking.house-fill.after-seconds")
  int houseAfterSeconds;

  @Inject HouseBotRoster houseBots;

  @Inject LeaderboardService leaderboard;

  /** The training arena of the configured game, created on first use. */
  public Arena trainingArena(String gameType) {
    List<Arena> found =
        em.createQuery(
                "select a from Arena a where a.kind = :kind and a.gameType = :game", Arena.class)
            .setParameter("kind", Arena.Kind.TRAINING)
            .setParameter("game", gameType)
            .getResultList();
    if (!found.isEmpty()) {
      return found.get(0);
    }
    em.createNativeQuery(
            "insert into arenas (kind, name, game_type) values ('TRAINING', ?1, ?2)"
                + " on conflict (name) do nothing")
        .setParameter(1, "training-" + gameType)
        .setParameter(2, gameType)
        .executeUpdate();
    em.createNativeQuery(
            "insert into seasons (arena_id, number, started_at) select id, 1, created_at from"
                + " arenas where name = ?1 on conflict do nothing")
        .setParameter(1, "training-" + gameType)
        .executeUpdate();
    return trainingArena(gameType);
  }

  /**
   * Pairs the waiting bots and schedules their matches, then gives house-bot opponents to those
   * left waiting when too few bots are online; returns how many matches were scheduled.
   */
  public int run(long arenaId, String gameType, String config) {
    List<Pairing.Candidate> waiting = waiting(gameType);
    if (waiting.isEmpty()) {
      return 0;
    }
    Instant now = Instant.now();
    int online = online();
    double weight = new TimeWeight(timeWeightFunction, timeWeightRate).of(arenaStart(arenaId), now);
    Pairing.Strategy chosen = Pairing.Strategy.of(strategy);
    if (chosen.quality().readsLeaderboardPositions()) {
      waiting = placed(waiting, leaderboard.places(gameType));
    }
    Pairing pairing =
        new Pairing(
            CALCULATOR, new Pairing.Settings(threshold, bonusPerMinute, keepWaitingShare, chosen));
    List<Pairing.Pair> pairs =
        waiting.size() < 2 ? List.of() : pairing.choose(waiting, online, cooling(arenaId), now);
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
          new HouseFill(
                  CALCULATOR,
                  new HouseFill.Settings(houseMinOnline, Duration.ofSeconds(houseAfterSeconds)))
              .choose(unpaired, houseBots.of(gameType), online, now);
      for (HouseFill.Fill fill : fills) {
        booking.book(arenaId, gameType, config, weight, fill.botId(), fill.houseBotId());
      }
      filled = fills.size();
    }
    return pairs.size() + filled;
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

  /** The pairs of bots that met in this arena within the cool-down. */
  private Set<Pairing.Meeting> cooling(long arenaId) {
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

  private int online() {
    return ((Number)
            em.createNativeQuery(
                    "select count(*) from bot_sessions s join bots b on b.id = s.bot_id"
                        + " where b.debug_arena_id is null")
                .getSingleResult())
        .intValue();
  }

  /** Queued sessions with their ratings; rows locked so no other pass can take the same bots. */
  private List<Pairing.Candidate> waiting(String gameType) {
    List<?> rows =
        em.createNativeQuery(
                "select s.bot_id, r.mu, r.sigma, s.waiting_since from bot_sessions s"
                    + " left join ratings r on r.bot_id = s.bot_id and r.game_type = ?1"
                    + " where s.state = 'QUEUED'"
                    // a debug arena's spots play only the games their team starts by hand
                    + " and not exists (select 1 from bots b where b.id = s.bot_id and"
                    + " b.debug_arena_id is not null)"
                    // bots in the current level of a running tournament are the tournament's
                    + " and not exists (select 1 from tournament_players tp join tournaments t on"
                    + " t.id = tp.tournament_id   where tp.bot_id = s.bot_id and tp.round = t.round"
                    + " and tp.level = t.level   and t.phase not in ('WAITING_NEXT_ROUND',"
                    + " 'CLOSED')) for update of s skip locked")
            .setParameter(1, gameType)
            .getResultList();
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

package org.botarena.arena.debug;

import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.bots.TokenRevoked;
import org.botarena.arena.bots.Tokens;
import org.botarena.arena.matches.MatchBooking;
import org.botarena.arena.matchmaking.HouseBotRoster;
import org.botarena.arena.platform.SqlValues;
import org.botarena.games.Games;
import org.botarena.games.StoredConfig;
import org.botarena.protocol.Json;
import org.botarena.protocol.PlatformConfig;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Debug arenas: one per user, opened by every member of the user's team and nobody else. The user
 * chooses a game and its config, gets a token per player spot, and starts games by hand; each spot
 * is played by a debug spot's connection, one of the bots connected to the arena (the team's own or
 * any training bot: it plays the game beside its schedule, which is left as it was) or a house bot.
 * Debug games are never rated and their replays are the team's.
 */
@Stateless
public class DebugArenaService {

  private static final Logger LOG = Logger.getLogger(DebugArenaService.class.getName());
  static final String DEFAULT_GAME = "simple";

  /** Spot choices: a debug spot's connection, a connected bot, or a house bot. */
  static final String SPOT = "spot:";

  static final String BOT = "bot:";
  static final String HOUSE = "house:";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject HouseBotRoster houses;
  @Inject Event<TokenRevoked> revoked;
  @Inject MatchBooking booking;

  /**
   * Debug games one user may have queued or running at once, in whichever arenas of the team they
   * started them: house bots on every spot make a game the runner plays as fast as it can.
   */
  @Inject
  @ConfigProperty(name = "arena.debug.max-running-per-user", defaultValue = "3")
  int maxRunningPerUser;

  /** A debug arena as its page shows it. */
  public record DebugArena(long id, String owner, String gameType, String config, int players) {}

  /** A player spot of a debug arena: its stand-in bot and whether a connection holds its token. */
  public record Spot(int spot, String name, String tokenHint, boolean connected) {
    public String getName() {
      return name;
    }
  }

  /** Who may play a spot: {@code value} goes back to {@link #start}. */
  public record Choice(String value, String label) {
    public String getValue() {
      return value;
    }

    public String getLabel() {
      return label;
    }
  }

  /** A game of the arena. */
  public record DebugGame(UUID id, String state, Instant created, String players, String result) {
    public String getId() {
      return id.toString();
    }
  }

  /** A spot's new token, shown once. */
  public record SpotToken(int spot, String name, String token) {
    @Override
    public String toString() {
      return "SpotToken[" + name + "]";
    }
  }

  /** The caller's own debug arena, created on first use. */
  public DebugArena own(Caller caller) {
    requireTeam(caller);
    em.createNativeQuery(
            "insert into arenas (kind, name, game_type, owner_id) values ('DEBUG', ?1, ?2, ?3)"
                + " on conflict (owner_id) where kind = 'DEBUG' do nothing")
        .setParameter(1, "debug:" + caller.username().toLowerCase())
        .setParameter(2, DEFAULT_GAME)
        .setParameter(3, caller.userId())
        .executeUpdate();
    long id =
        ((Number)
                em.createNativeQuery("select id from arenas where kind = 'DEBUG' and owner_id = ?1")
                    .setParameter(1, caller.userId())
                    .getSingleResult())
            .longValue();
    return arena(caller, id);
  }

  /** The debug arenas of the caller's team, the caller's first (it is created if need be). */
  public List<DebugArena> teamArenas(Caller caller) {
    DebugArena own = own(caller);
    List<DebugArena> arenas = new ArrayList<>(List.of(own));
    for (Object id :
        em.createNativeQuery(
                "select a.id from arenas a join users o on o.id = a.owner_id where a.kind = 'DEBUG'"
                    + " and o.team_id = ?1 and a.id <> ?2 order by lower(o.username)")
            .setParameter(1, caller.teamId())
            .setParameter(2, own.id())
            .getResultList()) {
      arenas.add(arena(caller, ((Number) id).longValue()));
    }
    return arenas;
  }

  /** A debug arena of the caller's team. */
  public DebugArena arena(Caller caller, long arenaId) {
    requireTeam(caller);
    List<?> rows =
        em.createNativeQuery(
                "select o.username, a.game_type, cast(a.config as text), o.team_id from arenas a"
                    + " join users o on o.id = a.owner_id where a.id = ?1 and a.kind = 'DEBUG'")
            .setParameter(1, arenaId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new AccountException("No such debug arena.");
    }
    Object[] r = (Object[]) rows.get(0);
    if (r[3] == null || ((Number) r[3]).longValue() != caller.teamId()) {
      LOG.warning(
          () ->
              "user "
                  + caller.username()
                  + " tried to open debug arena "
                  + arenaId
                  + " of another team");
      throw new AccessDenied("This debug arena belongs to another team.");
    }
    String gameType = (String) r[1];
    int players = Games.exists(gameType) ? Games.type(gameType).players() : 0;
    return new DebugArena(arenaId, (String) r[0], gameType, (String) r[2], players);
  }

  /**
   * Sets the arena's game and config (JSON: the game's keys, plus {@code deadline_ms} and {@code
   * max_timeouts}); a config the game rejects is refused with the game's own words.
   */
  public DebugArena configure(Caller caller, long arenaId, String gameType, String configJson) {
    arena(caller, arenaId);
    String config = validConfig(gameType, configJson);
    em.createNativeQuery(
            "update arenas set game_type = ?1, config = cast(?2 as jsonb) where id = ?3")
        .setParameter(1, gameType)
        .setParameter(2, config)
        .setParameter(3, arenaId)
        .executeUpdate();
    return arena(caller, arenaId);
  }

  /**
   * The normalised config ({@link StoredConfig}), or an {@link AccountException} saying why not.
   */
  static String validConfig(String gameType, String configJson) {
    try {
      return StoredConfig.check(gameType, configJson);
    } catch (IllegalArgumentException e) {
      throw new AccountException(e.getMessage());
    }
  }

  /** The arena's spots for its game, with their tokens' hints and connections. */
  public List<Spot> spots(Caller caller, long arenaId) {
    DebugArena arena = arena(caller, arenaId);
    List<Spot> spots = new ArrayList<>();
    for (int spot = 0; spot < arena.players(); spot++) {
      List<?> rows =
          em.createNativeQuery(
                  "select b.name, k.hint, s.id is not null from bots b left join tokens k on"
                      + " k.bot_id = b.id and k.revoked_at is null left join bot_sessions s on"
                      + " s.bot_id = b.id where b.debug_arena_id = ?1 and b.debug_spot = ?2")
              .setParameter(1, arenaId)
              .setParameter(2, spot)
              .getResultList();
      Object[] r = rows.isEmpty() ? null : (Object[]) rows.get(0);
      spots.add(
          new Spot(
              spot,
              r == null ? spotName(arena, spot) : (String) r[0],
              r == null || r[1] == null ? null : r[1] + "…",
              r != null && Boolean.TRUE.equals(r[2])));
    }
    return spots;
  }

  /**
   * New tokens for every spot of the arena's game; older ones stop working (connections that used
   * them are cut off once this has committed).
   *
   * @return the tokens, to be shown once
   */
  public List<SpotToken> newTokens(Caller caller, long arenaId) {
    DebugArena arena = arena(caller, arenaId);
    List<SpotToken> tokens = new ArrayList<>();
    for (int spot = 0; spot < arena.players(); spot++) {
      long bot = spotBot(arena, spot, caller.teamId());
      Tokens.revokeAll(em, revoked, bot);
      tokens.add(new SpotToken(spot, spotName(arena, spot), Tokens.issue(em, bot, "DEBUG_SPOT")));
    }
    LOG.info(
        () -> "user " + caller.username() + " issued spot tokens for debug arena " + arena.owner());
    return tokens;
  }

  /** The stand-in bots of the arena's spots (to cut off their connections after new tokens). */
  public List<Long> spotBots(Caller caller, long arenaId) {
    arena(caller, arenaId);
    return em
        .createNativeQuery("select id from bots where debug_arena_id = ?1 order by debug_spot")
        .setParameter(1, arenaId)
        .getResultList()
        .stream()
        .map(o -> ((Number) o).longValue())
        .toList();
  }

  /**
   * Which bots may play in the caller's debug games: the team's own, and another team's only if
   * that team offers it ({@code bots.debug_opponent}) and it plays no tournament game now (its
   * observations and actions in a debug game are the caller's team's to keep). One rule for the
   * choices and for a start.
   */
  static final String MAY_BE_SEATED =
      "(b.team_id = ?1 or (b.debug_opponent and not exists (select 1 from tournament_games g join"
          + " matches m on m.id = g.match_id join match_players p on p.match_id = m.id where"
          + " p.bot_id = b.id and m.state in ('QUEUED', 'RUNNING'))))";

  /**
   * Who may play a spot now: the arena's spots, the connected bots (the team's first), house bots.
   */
  public List<Choice> choices(Caller caller, long arenaId) {
    return choices(caller, arenaId, arena(caller, arenaId).gameType());
  }

  /** The same for a game of {@code gameType} in the arena (a fork plays its origin's game). */
  public List<Choice> choices(Caller caller, long arenaId, String gameType) {
    List<Choice> choices = new ArrayList<>();
    for (Spot spot : spots(caller, arenaId)) {
      choices.add(
          new Choice(
              SPOT + spot.spot(),
              "debug spot "
                  + spot.spot()
                  + " ("
                  + spot.name()
                  + ", "
                  + (spot.connected() ? "connected" : "not connected")
                  + ")"));
    }
    for (Object o :
        em.createNativeQuery(
                "select b.id, b.name, t.name, b.team_id = ?1 from bot_sessions s join bots b on"
                    + " b.id = s.bot_id join teams t on t.id = b.team_id where b.debug_arena_id is"
                    + " null and b.house is null and b.deleted_at is null and "
                    + MAY_BE_SEATED
                    + " order by b.team_id = ?1 desc, lower(b.name) limit 200")
            .setParameter(1, caller.teamId())
            .getResultList()) {
      Object[] r = (Object[]) o;
      choices.add(
          new Choice(
              BOT + ((Number) r[0]).longValue(),
              r[1]
                  + (Boolean.TRUE.equals(r[3])
                      ? " (your team's bot, connected)"
                      : " (team " + r[2] + ", offered by its team)")));
    }
    if (Games.exists(gameType)) {
      Games.type(gameType).houseBots().keySet().stream()
          .sorted()
          .forEach(h -> choices.add(new Choice(HOUSE + h, "house bot " + h)));
    }
    return choices;
  }

  /**
   * Starts a game of the arena's game and config, one choice per spot ({@link #choices}). Bots that
   * connect must be connected now; the runner then tells them the game starts.
   *
   * @param startPaused hold the game before its first step
   * @return the game's id
   */
  public UUID start(Caller caller, long arenaId, List<String> bySpot, boolean startPaused) {
    DebugArena arena = arena(caller, arenaId);
    if (!Games.exists(arena.gameType())) {
      throw new AccountException(
          "The game '" + arena.gameType() + "' is not installed; choose another.");
    }
    if (bySpot == null || bySpot.size() != arena.players()) {
      throw new AccountException(
          arena.gameType() + " has " + arena.players() + " spots: choose who plays each.");
    }
    List<Long> seats = new ArrayList<>();
    for (int spot = 0; spot < bySpot.size(); spot++) {
      seats.add(seatBot(caller, arena, arena.gameType(), spot, bySpot.get(spot)));
    }
    ObjectNode config = (ObjectNode) Json.parse(validConfig(arena.gameType(), arena.config()));
    requireRoom(caller);
    if (startPaused) {
      config.put(PlatformConfig.START_PAUSED, true);
    }
    // queued, not booked: the players' sessions are left as they are (a training bot keeps its
    // schedule)
    UUID id =
        booking.queue(
            arenaId,
            arena.gameType(),
            Json.write(config),
            1,
            ThreadLocalRandom.current().nextLong(),
            seats);
    em.createNativeQuery("update matches set started_by = ?1 where id = ?2")
        .setParameter(1, caller.userId())
        .setParameter(2, id)
        .executeUpdate();
    LOG.info(
        () ->
            "user "
                + caller.username()
                + " started debug game "
                + id
                + " ("
                + arena.gameType()
                + ") in the debug arena of "
                + arena.owner());
    return id;
  }

  /**
   * Refuses a game beyond the caller's cap of running ones, counted over every arena they started
   * games in. The caller's user row is locked first (no key update: it blocks no reference to the
   * user), so two starts by one person at once are counted one after the other.
   */
  public void requireRoom(Caller caller) {
    em.createNativeQuery("select id from users where id = ?1 for no key update")
        .setParameter(1, caller.userId())
        .getResultList();
    long running =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from matches where started_by = ?1"
                            + " and state in ('QUEUED', 'RUNNING')")
                    .setParameter(1, caller.userId())
                    .getSingleResult())
            .longValue();
    if (running >= maxRunningPerUser) {
      throw new AccountException(
          "You already have "
              + running
              + " debug games running (at most "
              + maxRunningPerUser
              + ", in all debug arenas): stop one from its live view or wait for it to end,"
              + " then start again.");
    }
  }

  /**
   * The bot row that plays {@code spot} of a {@code gameType} game, as chosen; refused with a
   * reason the user can act on.
   */
  public long seatBot(Caller caller, DebugArena arena, String gameType, int spot, String choice) {
    String c = choice == null ? "" : choice;
    String what = "Spot " + spot + ": ";
    if (c.startsWith(HOUSE)) {
      String house = c.substring(HOUSE.length());
      if (!Games.type(gameType).houseBots().containsKey(house)) {
        throw new AccountException(what + gameType + " has no house bot '" + house + "'.");
      }
      Long bot = houses.ensureBot(house);
      if (bot == null) {
        throw new AccountException(what + "the house bot '" + house + "' is not available.");
      }
      return bot;
    }
    long bot;
    if (c.startsWith(SPOT)) {
      int which = parse(c.substring(SPOT.length()), what);
      if (which < 0 || which >= arena.players()) {
        throw new AccountException(what + "there is no debug spot " + which + ".");
      }
      bot = spotBot(arena, which, caller.teamId());
    } else if (c.startsWith(BOT)) {
      bot = parse(c.substring(BOT.length()), what);
      if (em.createNativeQuery(
              "select 1 from bots where id = ?1 and debug_arena_id is null and house is null"
                  + " and deleted_at is null")
          .setParameter(1, bot)
          .getResultList()
          .isEmpty()) {
        throw new AccountException(what + "no such bot.");
      }
      if (em.createNativeQuery("select 1 from bots b where b.id = ?2 and " + MAY_BE_SEATED)
          .setParameter(1, caller.teamId())
          .setParameter(2, bot)
          .getResultList()
          .isEmpty()) {
        throw new AccountException(
            what
                + "that bot's team does not offer it for other teams' debug games,"
                + " or it is playing a tournament game.");
      }
    } else {
      throw new AccountException(what + "choose who plays it.");
    }
    List<?> online =
        em.createNativeQuery(
                "select b.name, s.id from bots b left join bot_sessions s on s.bot_id = b.id"
                    + " where b.id = ?1")
            .setParameter(1, bot)
            .getResultList();
    Object[] r = (Object[]) online.get(0);
    if (r[1] == null) {
      throw new AccountException(
          what
              + r[0]
              + " is not connected"
              + (c.startsWith(SPOT)
                  ? ": run a bot with that spot's token (new tokens are issued above), then start."
                  : "."));
    }
    return bot;
  }

  private static int parse(String number, String what) {
    try {
      return Integer.parseInt(number);
    } catch (NumberFormatException e) {
      throw new AccountException(what + "choose who plays it.");
    }
  }

  /** The last games of the arena, newest first. */
  public List<DebugGame> games(Caller caller, long arenaId) {
    arena(caller, arenaId);
    return SqlValues.table(
            em.createNativeQuery(
                    "select m.id, m.state, m.created_at, (select string_agg(p.bot_name, ' vs '"
                        + " order by p.spot) from match_players p where p.match_id = m.id),"
                        + " coalesce(m.end_state || ' (' || m.end_reason || ')', '') from matches m"
                        + " where m.arena_id = ?1 order by m.created_at desc limit 20")
                .setParameter(1, arenaId))
        .map(
            r ->
                new DebugGame(
                    (UUID) r[0],
                    (String) r[1],
                    SqlValues.instant(r[2]),
                    (String) r[3],
                    (String) r[4]))
        .toList();
  }

  /** The stand-in bot of a spot, created on first use (named after the arena's owner). */
  private long spotBot(DebugArena arena, int spot, long teamId) {
    Optional<?> found =
        em
            .createNativeQuery("select id from bots where debug_arena_id = ?1 and debug_spot = ?2")
            .setParameter(1, arena.id())
            .setParameter(2, spot)
            .getResultList()
            .stream()
            .findFirst();
    if (found.isPresent()) {
      long id = ((Number) found.get()).longValue();
      // the owner may have changed teams since: the spot plays for the owner's team
      em.createNativeQuery("update bots set team_id = ?1 where id = ?2")
          .setParameter(1, teamId)
          .setParameter(2, id)
          .executeUpdate();
      return id;
    }
    String name = spotName(arena, spot);
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into bots (team_id, name, debug_arena_id, debug_spot)"
                            + " values (?1, ?2, ?3, ?4) returning id")
                    .setParameter(1, teamId)
                    .setParameter(2, name)
                    .setParameter(3, arena.id())
                    .setParameter(4, spot)
                    .getSingleResult())
            .longValue();
    em.createNativeQuery("insert into bot_names (bot_id, name) values (?1, ?2)")
        .setParameter(1, id)
        .setParameter(2, name)
        .executeUpdate();
    return id;
  }

  /** {@code alice/spot0}: '/' is not allowed in a team bot's name, so it never collides. */
  private static String spotName(DebugArena arena, int spot) {
    return arena.owner() + "/spot" + spot;
  }

  private static void requireTeam(Caller caller) {
    if (caller.teamId() == null) {
      throw new AccountException("Create or join a team first: debug arenas are a team's.");
    }
  }
}

package org.botarena.arena.sessions;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Who is connected on which instance, in PostgreSQL so that every instance sees it. Changes that
 * make a bot available notify the matchmaker (pg_notify, delivered at commit).
 */
@Stateless
public class SessionRegistry {

  /** The channel the matchmaker listens on. */
  public static final String MATCHMAKING_CHANNEL = "arena_matchmaking";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** {@link GameSlots}: training and tournament games a bot plays at once. */
  @Inject
  @ConfigProperty(name = GameSlots.KEY, defaultValue = "1")
  int parallelGames = 1;

  /**
   * A new connection: the session it replaced, if any, and the bot's games running (id to runner).
   */
  public record Opened(Optional<BotSession> replaced, Map<String, String> running) {}

  /**
   * Records a new connection of a bot. A bot that comes back while booked for a training or
   * tournament game is PLAYING, so it is not paired again before that game ends; a debug game never
   * took it out of the queue. The bot's open matches are locked first, as {@link MatchService} does
   * when one ends: a game that ends meanwhile either ended before (the bot is not PLAYING) or waits
   * for this commit and then puts the new session back in the queue. Read apart, a game ending in
   * between left the new session PLAYING with no game, and the bot was never paired again.
   */
  public Opened open(UUID session, long botId, String instance) {
    return open(session, botId, instance, null);
  }

  /**
   * The same for a bot that wants only some training games ({@code games}, hello's {@code games};
   * null: every training arena). With {@link GameSlots} above one, the bot is PLAYING only while
   * every slot is taken.
   */
  public Opened open(UUID session, long botId, String instance, Collection<String> games) {
    Map<String, String> running = new HashMap<>();
    int booked = 0;
    for (Object o :
        em.createNativeQuery(
                "select m.id, m.instance, m.state, a.kind from matches m join match_players p on"
                    + " p.match_id = m.id join arenas a on a.id = m.arena_id where p.bot_id = ?1"
                    + " and m.state in ('QUEUED', 'RUNNING') order by m.id for update of m")
            .setParameter(1, botId)
            .getResultList()) {
      Object[] row = (Object[]) o;
      if ("RUNNING".equals(row[2])) {
        running.put(row[0].toString(), (String) row[1]);
      }
      booked += "DEBUG".equals(row[3]) ? 0 : 1;
    }
    List<BotSession> old =
        em.createQuery("select s from BotSession s where s.botId = :bot", BotSession.class)
            .setParameter("bot", botId)
            .getResultList();
    old.forEach(em::remove);
    em.flush();
    BotSession fresh = new BotSession(session, botId, instance);
    if (booked >= GameSlots.checked(parallelGames)) {
      fresh.play();
    }
    em.persist(fresh);
    if (games != null) {
      em.flush();
      em.createNativeQuery("update bot_sessions set games = string_to_array(?2, ',') where id = ?1")
          .setParameter(1, session)
          .setParameter(2, String.join(",", games))
          .executeUpdate();
    }
    return new Opened(old.stream().findFirst(), running);
  }

  /**
   * The bot says it is (not) ready. Ready: it joins the matchmaking queue now, or when its game
   * ends. Not ready: it leaves the queue and is not put back after its game until it says ready.
   */
  public void ready(UUID session, boolean ready) {
    int queued =
        em.createNativeQuery(
                "update bot_sessions set wants_games = ?2, state = case when state = 'PLAYING' then"
                    + " state when ?2 then 'QUEUED' else 'IDLE' end, waiting_since = case when"
                    + " state = 'PLAYING' then null   when ?2 then coalesce(waiting_since, now())"
                    + " else null end where id = ?1")
            .setParameter(1, session)
            .setParameter(2, ready)
            .executeUpdate();
    if (ready && queued > 0) {
      notifyMatchmaker();
    }
  }

  /** The connection closed; a newer session of the same bot is left alone. */
  public void close(UUID session) {
    em.createNativeQuery("delete from bot_sessions where id = ?1")
        .setParameter(1, session)
        .executeUpdate();
  }

  /**
   * What a heartbeat found: whether the cluster knew the instance (false at its first beat, and
   * after the leader forgot it), and which of its sessions are still there.
   */
  public record Beat(boolean known, Set<UUID> sessions) {}

  /**
   * The instance is alive: its heartbeat and its sessions'. Returns the sessions it still has, so
   * that its gateway can give back their sessions to the connections that lost theirs (the leader
   * forgot the instance, e.g. with the database away or the instance frozen; or a stale connection
   * of the same bot held the bot's row while the sessions were restored).
   */
  public Beat heartbeat(String instance) {
    int known =
        em.createNativeQuery("update instances set heartbeat_at = now() where id = ?1")
            .setParameter(1, instance)
            .executeUpdate();
    if (known == 0) {
      em.createNativeQuery(
              "insert into instances (id) values (?1) on conflict (id) do update set heartbeat_at ="
                  + " now()")
          .setParameter(1, instance)
          .executeUpdate();
    }
    // rows another transaction holds are skipped (their time is only shown): a frozen leader
    // caught in a pass holds this instance's bots' rows, and a heartbeat waiting on them made the
    // instance look dead to the next leader, which then forgot its sessions too
    em.createNativeQuery(
            "update bot_sessions set heartbeat_at = now() where id in (select id from bot_sessions"
                + " where instance = ?1 for update skip locked)")
        .setParameter(1, instance)
        .executeUpdate();
    Set<UUID> alive = new HashSet<>();
    for (Object id :
        em.createNativeQuery("select cast(id as varchar) from bot_sessions where instance = ?1")
            .setParameter(1, instance)
            .getResultList()) {
      alive.add(UUID.fromString((String) id));
    }
    return new Beat(known > 0, alive);
  }

  /**
   * Gives a live connection its session back after the cluster forgot its instance: IDLE until the
   * bot answers {@code ready?} again, or PLAYING while booked, as {@link #open} decides. A session
   * the bot opened meanwhile on another instance is left alone. Returns whether it was restored.
   */
  public boolean restore(UUID session, long botId, String instance, Collection<String> games) {
    if (!em.createNativeQuery("select 1 from bot_sessions where bot_id = ?1")
        .setParameter(1, botId)
        .getResultList()
        .isEmpty()) {
      return false;
    }
    open(session, botId, instance, games);
    return true;
  }

  /**
   * Forgets instances silent for longer than {@code seconds}, and their bots' sessions: only the
   * sessions of the instances this statement deleted. A heartbeat in flight holds its instance's
   * row; the delete waits for it and then sees the fresh time, so that instance and its sessions
   * stay. (Read apart, a heartbeat held up by a frozen instance's locks made the leader forget its
   * own live bots' sessions while its instance row stayed: its heartbeat never saw itself
   * forgotten, and its bots were never paired again.)
   */
  public int removeDeadInstances(int seconds) {
    return ((Number)
            em.createNativeQuery(
                    "with dead as (delete from instances where heartbeat_at < now() -"
                        + " make_interval(secs => ?1) returning id), gone as (delete from"
                        + " bot_sessions where instance in (select id from dead) returning 1)"
                        + " select count(*) from gone")
                .setParameter(1, seconds)
                .getSingleResult())
        .intValue();
  }

  /**
   * Puts back in the queue the bots PLAYING with no training or tournament game left to play. None
   * should be; a count above zero means a path that ends a game forgot its bots, and without this
   * they would wait for good.
   */
  public int requeueStranded() {
    int stranded =
        em.createNativeQuery(
                GameSlots.WITH_OPEN_GAMES
                    + "update bot_sessions s set state = case when wants_games then 'QUEUED' else"
                    + " 'IDLE' end, waiting_since = case when wants_games then now() else null end"
                    + " where s.state = 'PLAYING' and "
                    + GameSlots.OPEN_GAMES
                    + " < ?1")
            .setParameter(1, GameSlots.checked(parallelGames))
            .executeUpdate();
    if (stranded > 0) {
      notifyMatchmaker();
    }
    return stranded;
  }

  /**
   * Bots booked for a training or tournament game: PLAYING once every slot ({@link GameSlots}) is
   * taken; one with a slot left stays as it is (in the queue, its wait going on: how long it has
   * waited in an arena counts from its last game there, {@code MatchmakingPass}). Called after the
   * match's players are written, with the bots' session rows locked (the pass locked them).
   */
  public void booked(Collection<Long> bots) {
    em.flush();
    em.createNativeQuery(
            GameSlots.WITH_OPEN_GAMES
                + "update bot_sessions s set state = case when "
                + GameSlots.OPEN_GAMES
                + " >= ?2 then 'PLAYING' else state end, waiting_since = case when "
                + GameSlots.OPEN_GAMES
                + " >= ?2 then null else waiting_since end where bot_id in (?1)")
        .setParameter(1, bots)
        .setParameter(2, GameSlots.checked(parallelGames))
        .executeUpdate();
  }

  /**
   * Bots whose game ended wait for their next one again (a slot is free), unless they said they are
   * not ready.
   */
  public void gameEnded(Collection<Long> bots) {
    if (bots.isEmpty()) {
      return;
    }
    em.flush();
    // the rows first, in bot order: a pass that is booking one of these bots meanwhile (it holds
    // the row) commits first, and the count below then sees its game; read apart, that bot was
    // left PLAYING with a slot free
    em.createNativeQuery(
            "select id from bot_sessions where bot_id in (?1) order by bot_id for update")
        .setParameter(1, bots)
        .getResultList();
    int queued =
        em.createNativeQuery(
                GameSlots.WITH_OPEN_GAMES
                    + "update bot_sessions s set state = case when wants_games then 'QUEUED' else"
                    + " 'IDLE' end, waiting_since = case when wants_games then now() else null end"
                    + " where bot_id in (?1) and state = 'PLAYING' and "
                    + GameSlots.OPEN_GAMES
                    + " < ?2")
            .setParameter(1, bots)
            .setParameter(2, GameSlots.checked(parallelGames))
            .executeUpdate();
    if (queued > 0) {
      notifyMatchmaker();
    }
  }

  /** The instance a bot is connected to, if it is online. */
  public Optional<String> instanceOf(long botId) {
    return em
        .createNativeQuery("select instance from bot_sessions where bot_id = ?1")
        .setParameter(1, botId)
        .getResultList()
        .stream()
        .findFirst()
        .map(String.class::cast);
  }

  /** Wakes the matchmaker (wherever the leader runs) once this transaction commits. */
  public void notifyMatchmaker() {
    em.createNativeQuery("select pg_notify('" + MATCHMAKING_CHANNEL + "', '')").getSingleResult();
  }
}

package org.botarena.arena.application;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.botarena.arena.domain.bot.BotSession;

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

  /** Records a new connection of a bot; returns the session it replaces, if any. */
  public Optional<BotSession> open(UUID session, long botId, String instance) {
    List<BotSession> old = em.createQuery("select s from BotSession s where s.botId = :bot", BotSession.class)
        .setParameter("bot", botId)
        .getResultList();
    old.forEach(em::remove);
    em.flush();
    em.persist(new BotSession(session, botId, instance));
    return old.stream().findFirst();
  }

  /** The bot says it is (not) ready: it joins (leaves) the matchmaking queue. */
  public void ready(UUID session, boolean ready) {
    if (ready) {
      int changed = em.createNativeQuery(
              "update bot_sessions set state = 'QUEUED', waiting_since = now() where id = ?1 and state = 'IDLE'")
          .setParameter(1, session)
          .executeUpdate();
      if (changed > 0) {
        notifyMatchmaker();
      }
    } else {
      em.createNativeQuery("update bot_sessions set state = 'IDLE', waiting_since = null where id = ?1 and state = 'QUEUED'")
          .setParameter(1, session)
          .executeUpdate();
    }
  }

  /** The connection closed; a newer session of the same bot is left alone. */
  public void close(UUID session) {
    em.createNativeQuery("delete from bot_sessions where id = ?1").setParameter(1, session).executeUpdate();
  }

  /** The instance is alive: its heartbeat and its sessions'. */
  public void heartbeat(String instance) {
    em.createNativeQuery(
            "insert into instances (id) values (?1) on conflict (id) do update set heartbeat_at = now()")
        .setParameter(1, instance)
        .executeUpdate();
    em.createNativeQuery("update bot_sessions set heartbeat_at = now() where instance = ?1")
        .setParameter(1, instance)
        .executeUpdate();
  }

  /** Forgets instances silent for longer than {@code seconds}, and their bots' sessions. */
  public int removeDeadInstances(int seconds) {
    int sessions = em.createNativeQuery(
            "delete from bot_sessions where instance in (select id from instances"
                + " where heartbeat_at < now() - make_interval(secs => ?1))")
        .setParameter(1, seconds)
        .executeUpdate();
    em.createNativeQuery("delete from instances where heartbeat_at < now() - make_interval(secs => ?1)")
        .setParameter(1, seconds)
        .executeUpdate();
    return sessions;
  }

  /** The running matches of a bot and the instance running each (for a reconnecting bot). */
  public java.util.Map<String, String> runningMatchesOf(long botId) {
    java.util.Map<String, String> running = new java.util.HashMap<>();
    for (Object o : em.createNativeQuery(
            "select m.id, m.instance from matches m join match_players p on p.match_id = m.id"
                + " where p.bot_id = ?1 and m.state = 'RUNNING'")
        .setParameter(1, botId)
        .getResultList()) {
      Object[] row = (Object[]) o;
      running.put(row[0].toString(), (String) row[1]);
    }
    return running;
  }

  /** Wakes the matchmaker (wherever the leader runs) once this transaction commits. */
  public void notifyMatchmaker() {
    em.createNativeQuery("select pg_notify('" + MATCHMAKING_CHANNEL + "', '')").getSingleResult();
  }
}

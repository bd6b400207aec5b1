package org.botarena.arena.bots;

import jakarta.ejb.Stateless;
import jakarta.enterprise.event.Event;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.logging.Logger;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.accounts.Names;
import org.botarena.arena.accounts.TeamService;
import org.botarena.arena.platform.SqlValues;
import org.botarena.db.Bots;
import org.botarena.db.Secrets;

/**
 * A team's bots and their tokens. A bot has at most one live token: a new one replaces (revokes)
 * the old, so "rotate" and "create" are one operation. The token is returned once and only its
 * SHA-256 is stored. A revocation cuts a connected bot off once it has committed (the gateway only
 * checks tokens at hello): {@link BotCutOff}.
 */
@Stateless
public class BotService {

  private static final Logger LOG = Logger.getLogger(BotService.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject Event<TokenRevoked> revoked;

  /** A bot of the caller's team, with its first token. */
  public NewToken create(Caller caller, String botName) {
    if (caller.teamId() == null) {
      throw new AccountException("Create or join a team first: bots belong to teams.");
    }
    String name = Names.check("The bot", botName);
    requireFreeName(name, -1);
    long teamId = caller.teamId();
    long botId = Tokens.jdbc(em, c -> Bots.create(c, teamId, name));
    LOG.info(() -> "user " + caller.username() + " created bot " + name + " (" + botId + ")");
    return new NewToken(botId, name, issueToken(botId));
  }

  /** Renames a bot; the old name stays in its history (stats are shown per name). */
  public void rename(Caller caller, long botId, String newName) {
    String old = requireBot(caller, botId);
    String name = Names.check("The bot", newName);
    if (name.equals(old)) {
      return;
    }
    requireFreeName(name, botId);
    Tokens.jdbc(
        em,
        c -> {
          Bots.rename(c, botId, name);
          return null;
        });
    LOG.info(
        () ->
            "user " + caller.username() + " renamed bot " + botId + " from " + old + " to " + name);
  }

  /** Deletes a bot: it leaves the leaderboard and its tokens die; its matches stay. */
  public void delete(Caller caller, long botId) {
    String name = requireBot(caller, botId);
    revokeAll(botId);
    em.createNativeQuery("update bots set deleted_at = now() where id = ?1")
        .setParameter(1, botId)
        .executeUpdate();
    Tokens.jdbc(
        em,
        c -> {
          Bots.closeName(c, botId);
          return null;
        });
    LOG.info(() -> "user " + caller.username() + " deleted bot " + name + " (" + botId + ")");
  }

  /** A new token for a bot; the old one, if any, stops working. */
  public NewToken rotate(Caller caller, long botId) {
    String name = requireBot(caller, botId);
    int revoked = revokeAll(botId);
    LOG.info(
        () ->
            "user "
                + caller.username()
                + " issued a new token for bot "
                + name
                + (revoked > 0 ? " (the old one is revoked)" : ""));
    return new NewToken(botId, name, issueToken(botId));
  }

  /**
   * Whether other teams may seat this bot in their debug games (and step and rewind it there); off
   * until its team says so.
   */
  public void offerToOtherTeams(Caller caller, long botId, boolean offered) {
    String name = requireBot(caller, botId);
    em.createNativeQuery("update bots set debug_opponent = ?1 where id = ?2")
        .setParameter(1, offered)
        .setParameter(2, botId)
        .executeUpdate();
    LOG.info(
        () ->
            "user "
                + caller.username()
                + (offered ? " offered" : " withdrew")
                + " bot "
                + name
                + " for other teams' debug games");
  }

  /** Revokes the bot's token: it cannot connect until it gets a new one. */
  public void revoke(Caller caller, long botId) {
    String name = requireBot(caller, botId);
    revokeAll(botId);
    LOG.info(() -> "user " + caller.username() + " revoked the token of bot " + name);
  }

  /**
   * The living bots of a team, with whether they are online, their token and rating in {@code
   * gameType}.
   */
  public List<TeamBot> bots(Caller caller, long teamId, String gameType) {
    TeamService.requireTeam(caller, teamId);
    return SqlValues.table(
            em.createNativeQuery(
                    "select b.id, b.name, s.state, k.hint, k.created_at, r.mu, r.sigma, r.games,"
                        + " (select max(m.ended_at) from matches m join match_players p on"
                        + " p.match_id = m.id   where p.bot_id = b.id), b.debug_opponent from bots"
                        + " b left join bot_sessions s on s.bot_id = b.id left join tokens k on"
                        + " k.bot_id = b.id and k.kind = 'BOT' and k.revoked_at is null left join"
                        + " ratings r on r.bot_id = b.id and r.game_type = ?2 where b.team_id = ?1"
                        + " and b.deleted_at is null and b.debug_arena_id is null order by"
                        + " lower(b.name)")
                .setParameter(1, teamId)
                .setParameter(2, gameType))
        .map(
            r ->
                new TeamBot(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : Secrets.TOKEN_PREFIX + r[3] + "…",
                    SqlValues.instant(r[4]),
                    SqlValues.number(r[5]),
                    SqlValues.number(r[6]),
                    SqlValues.count(r[7]),
                    SqlValues.instant(r[8]),
                    Boolean.TRUE.equals(r[9])))
        .toList();
  }

  /** The team of a living bot; throws if there is no such bot. */
  public long teamOf(long botId) {
    List<?> rows =
        em.createNativeQuery("select team_id from bots where id = ?1 and deleted_at is null")
            .setParameter(1, botId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new AccountException("No such bot.");
    }
    return ((Number) rows.get(0)).longValue();
  }

  /** The bot's name, if the caller may manage it. */
  private String requireBot(Caller caller, long botId) {
    return requireBot(caller, botId, true);
  }

  /**
   * The bot's name, if the caller may manage it: the one rule of who may change or use a bot (a
   * debug arena's spot is managed on its debug page, not as a bot; a house bot, when {@code
   * houseToo} is false, is nobody's to use).
   */
  public String requireBot(Caller caller, long botId, boolean houseToo) {
    List<?> rows =
        em.createNativeQuery(
                "select team_id, name from bots where id = ?1 and deleted_at is null"
                    + " and debug_arena_id is null"
                    + (houseToo ? "" : " and house is null"))
            .setParameter(1, botId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new AccountException("No such bot.");
    }
    Object[] r = (Object[]) rows.get(0);
    if (!caller.mayManage(((Number) r[0]).longValue())) {
      LOG.warning(
          () -> "user " + caller.username() + " tried to change bot " + botId + " of another team");
      throw new AccessDenied("This bot belongs to another team.");
    }
    return (String) r[1];
  }

  private void requireFreeName(String name, long exceptBot) {
    if (Tokens.jdbc(em, c -> Bots.nameTaken(c, name, exceptBot))) {
      throw new AccountException("A bot named '" + name + "' exists already.");
    }
  }

  private String issueToken(long botId) {
    return Tokens.issue(em, botId, "BOT");
  }

  private int revokeAll(long botId) {
    return Tokens.revokeAll(em, revoked, botId);
  }

  /** A token, in clear: to be shown once and forgotten. */
  public record NewToken(long botId, String botName, String token) {
    @Override
    public String toString() {
      return "NewToken[" + botName + "]";
    }
  }

  /** One of a team's bots on its page. */
  public record TeamBot(
      long id,
      String name,
      String sessionState,
      String tokenHint,
      Instant tokenCreated,
      Double mu,
      Double sigma,
      int games,
      Instant lastGame,
      boolean offered) {
    public boolean isOnline() {
      return sessionState != null;
    }

    public Double getScore() {
      return mu == null ? null : mu - 3 * sigma;
    }
  }
}

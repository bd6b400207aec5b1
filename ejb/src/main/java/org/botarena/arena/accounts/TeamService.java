package org.botarena.arena.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.botarena.arena.platform.SqlValues;
import org.botarena.db.Secrets;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Teams: create, invite (a code shown once, kept as its hash), join, leave. A user is in at most
 * one team; a team of one is fine; a team stays (with its bots and matches) when its last member
 * leaves.
 */
@Stateless
public class TeamService {

  private static final Logger LOG = Logger.getLogger(TeamService.class.getName());

  /** The house bots' team (HouseBotRoster): nobody may take its name. */
  static final String HOUSE_TEAM = "house";

  static final String INVITATION_PREFIX = "invite_";
  static final String INVALID_INVITATION =
      "The invitation is unknown, expired, used up or revoked.";

  /** The most uses one invitation may have (a course's whole class, say). */
  public static final int MAX_INVITATION_USES = 100;

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.invitation.valid-days", defaultValue = "14")
  int invitationDays;

  /** Creates a team with the caller as its first member; returns its id. */
  public long create(Caller caller, String teamName) {
    String name = Names.check("The team", teamName);
    if (caller.teamId() != null) {
      throw new AccountException("You are in a team already: leave it first.");
    }
    if (name.equalsIgnoreCase(HOUSE_TEAM)
        || !em.createNativeQuery("select id from teams where lower(name) = lower(?1)")
            .setParameter(1, name)
            .getResultList()
            .isEmpty()) {
      throw new AccountException("The team name '" + name + "' is taken.");
    }
    long id =
        ((Number)
                em.createNativeQuery("insert into teams (name) values (?1) returning id")
                    .setParameter(1, name)
                    .getSingleResult())
            .longValue();
    setTeam(caller.userId(), id);
    LOG.info(() -> "user " + caller.username() + " created team " + name);
    return id;
  }

  /**
   * A new invitation for one person to the caller's team; see {@link #invite(Caller, long, int)}.
   */
  public String invite(Caller caller, long teamId) {
    return invite(caller, teamId, 1);
  }

  /**
   * A new invitation to the caller's team that works {@code maxUses} times (1 to {@value
   * #MAX_INVITATION_USES}); the code is returned once and only its hash is kept.
   */
  public String invite(Caller caller, long teamId, int maxUses) {
    requireTeam(caller, teamId);
    if (maxUses < 1 || maxUses > MAX_INVITATION_USES) {
      throw new AccountException("An invitation works 1 to " + MAX_INVITATION_USES + " times.");
    }
    String code = INVITATION_PREFIX + Secrets.newToken().substring(Secrets.TOKEN_PREFIX.length());
    em.createNativeQuery(
            "insert into team_invitations (team_id, code_hash, created_by, expires_at, max_uses)"
                + " values (?1, ?2, ?3, now() + make_interval(days => ?4), ?5)")
        .setParameter(1, teamId)
        .setParameter(2, Secrets.tokenHash(code))
        .setParameter(3, caller.userId())
        .setParameter(4, invitationDays)
        .setParameter(5, maxUses)
        .executeUpdate();
    LOG.info(() -> "user " + caller.username() + " invited to team " + teamId);
    return code;
  }

  public void revokeInvitation(Caller caller, long invitationId) {
    List<?> team =
        em.createNativeQuery("select team_id from team_invitations where id = ?1")
            .setParameter(1, invitationId)
            .getResultList();
    if (team.isEmpty()) {
      throw new AccountException("No such invitation.");
    }
    requireTeam(caller, ((Number) team.get(0)).longValue());
    em.createNativeQuery(
            "update team_invitations set revoked_at = now() where id = ?1 and revoked_at is null")
        .setParameter(1, invitationId)
        .executeUpdate();
  }

  /** The team an unexpired, unrevoked invitation code with uses left is for. */
  public Optional<Long> validInvitation(String code) {
    if (code == null || code.isBlank() || code.length() > 200) {
      return Optional.empty();
    }
    List<?> rows =
        em.createNativeQuery(
                "select team_id from team_invitations where code_hash = ?1"
                    + " and revoked_at is null and expires_at > now() and uses < max_uses")
            .setParameter(1, Secrets.tokenHash(code.strip()))
            .getResultList();
    return rows.stream().findFirst().map(o -> ((Number) o).longValue());
  }

  /**
   * Takes one use of a valid invitation; false if none was left (one statement: parallel uses
   * cannot overdraw).
   */
  boolean countUse(String code) {
    return em.createNativeQuery(
                "update team_invitations set uses = uses + 1 where code_hash = ?1"
                    + " and revoked_at is null and expires_at > now() and uses < max_uses")
            .setParameter(1, Secrets.tokenHash(code))
            .executeUpdate()
        == 1;
  }

  /** The caller joins the team of an invitation; returns the team's name. */
  public String join(Caller caller, String code) {
    if (caller.teamId() != null) {
      throw new AccountException("You are in a team already: leave it first.");
    }
    long teamId = validInvitation(code).orElseThrow(() -> new AccountException(INVALID_INVITATION));
    if (!countUse(code.strip())) {
      throw new AccountException(INVALID_INVITATION);
    }
    setTeam(caller.userId(), teamId);
    LOG.info(() -> "user " + caller.username() + " joined team " + teamId);
    return name(teamId);
  }

  /** The caller leaves their team; the team and its bots stay. */
  public void leave(Caller caller) {
    if (caller.teamId() == null) {
      throw new AccountException("You are in no team.");
    }
    setTeam(caller.userId(), null);
    LOG.info(() -> "user " + caller.username() + " left team " + caller.teamId());
  }

  /**
   * Removes a member from a team: by any member of that team (a team decides who is in it) or by an
   * admin. The user stays, without a team; the team's bots stay the team's.
   */
  public void removeMember(Caller caller, long teamId, String username) {
    requireTeam(caller, teamId);
    int removed =
        em.createNativeQuery(
                "update users set team_id = null where team_id = ?1 and lower(username) ="
                    + " lower(?2)")
            .setParameter(1, teamId)
            .setParameter(2, username == null ? "" : username.strip())
            .executeUpdate();
    if (removed == 0) {
      throw new AccountException("No such member in this team.");
    }
    LOG.info(() -> "user " + caller.username() + " removed a member from team " + teamId);
  }

  /** A team's page data: members and invitations; the caller's own team, or any for an admin. */
  public TeamInfo team(Caller caller, long teamId) {
    requireTeam(caller, teamId);
    List<String> members =
        em
            .createNativeQuery(
                "select username from users where team_id = ?1 order by lower(username)")
            .setParameter(1, teamId)
            .getResultList()
            .stream()
            .map(String.class::cast)
            .toList();
    List<Invitation> invitations =
        SqlValues.table(
                em.createNativeQuery(
                        "select i.id, u.username, i.created_at, i.expires_at, i.revoked_at, i.uses,"
                            + " i.max_uses from team_invitations i left join users u on u.id ="
                            + " i.created_by where i.team_id = ?1 order by i.created_at desc")
                    .setParameter(1, teamId))
            .map(
                r ->
                    new Invitation(
                        ((Number) r[0]).longValue(),
                        (String) r[1],
                        SqlValues.instant(r[2]),
                        SqlValues.instant(r[3]),
                        SqlValues.instant(r[4]),
                        SqlValues.count(r[5]),
                        SqlValues.count(r[6])))
            .toList();
    return new TeamInfo(teamId, name(teamId), members, invitations);
  }

  /** Admins: every team with its number of members and living bots. */
  public List<TeamSummary> teams(Caller caller) {
    AccountService.requireAdmin(caller);
    return SqlValues.table(
            em.createNativeQuery(
                "select t.id, t.name, (select count(*) from users u where u.team_id = t.id),"
                    + " (select count(*) from bots b where b.team_id = t.id and b.deleted_at is"
                    + " null and b.debug_arena_id is null), t.created_at from teams t order by"
                    + " lower(t.name)"))
        .map(
            r ->
                new TeamSummary(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    SqlValues.count(r[2]),
                    SqlValues.count(r[3]),
                    SqlValues.instant(r[4])))
        .toList();
  }

  public String name(long teamId) {
    List<?> rows =
        em.createNativeQuery("select name from teams where id = ?1")
            .setParameter(1, teamId)
            .getResultList();
    if (rows.isEmpty()) {
      throw new AccountException("No such team.");
    }
    return (String) rows.get(0);
  }

  public static void requireTeam(Caller caller, long teamId) {
    if (!caller.mayManage(teamId)) {
      throw new AccessDenied("This is another team's.");
    }
  }

  private void setTeam(long userId, Long teamId) {
    // no null parameter: its SQL type would be guessed
    if (teamId == null) {
      em.createNativeQuery("update users set team_id = null where id = ?1")
          .setParameter(1, userId)
          .executeUpdate();
    } else {
      em.createNativeQuery("update users set team_id = ?1 where id = ?2")
          .setParameter(1, teamId)
          .setParameter(2, userId)
          .executeUpdate();
    }
  }

  public record TeamInfo(
      long id, String name, List<String> members, List<Invitation> invitations) {}

  public record Invitation(
      long id,
      String createdBy,
      Instant created,
      Instant expires,
      Instant revoked,
      int uses,
      int maxUses) {
    public boolean isActive() {
      return revoked == null && expires.isAfter(Instant.now()) && uses < maxUses;
    }
  }

  public record TeamSummary(long id, String name, int members, int bots, Instant created) {}
}

package org.botarena.arena.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Logger;
import org.botarena.arena.platform.SqlValues;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Users: sign-up (with the registration key or an invitation), what sign-in checks, password
 * changes, roles and the registration key (admins). Passwords arrive here already hashed (Jakarta
 * Security's PBKDF2 format, as the admin CLI writes it): this service never sees one in clear.
 */
@Stateless
public class AccountService {

  private static final Logger LOG = Logger.getLogger(AccountService.class.getName());

  /** The settings row that overrides the configured registration key. */
  public static final String REGISTRATION_KEY = "arena.registration.key";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject TeamService teams;

  @Inject
  @ConfigProperty(name = REGISTRATION_KEY)
  Optional<String> configuredRegistrationKey;

  /** What sign-in checks; empty for an unknown user. Usernames compare case-insensitively. */
  public Optional<Credentials> credentials(String username) {
    List<?> rows =
        em.createNativeQuery(
                "select username, password_hash, role from users where lower(username) = lower(?1)"
                    + " and disabled_at is null")
            .setParameter(1, username == null ? "" : username.strip())
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(new Credentials((String) r[0], (String) r[1], "ADMIN".equals(r[2])));
  }

  /** The signed-in user by their (canonical) name; empty once an admin disabled them. */
  public Optional<Caller> caller(String username) {
    List<?> rows =
        em.createNativeQuery(
                "select id, username, role, team_id from users where lower(username) = lower(?1)"
                    + " and disabled_at is null")
            .setParameter(1, username)
            .getResultList();
    if (rows.isEmpty()) {
      return Optional.empty();
    }
    Object[] r = (Object[]) rows.get(0);
    return Optional.of(
        new Caller(
            ((Number) r[0]).longValue(),
            (String) r[1],
            "ADMIN".equals(r[2]),
            r[3] == null ? null : ((Number) r[3]).longValue()));
  }

  /**
   * A new user whose password was hashed already (the CLI, tests); see the other {@link #signUp}.
   */
  public long signUp(
      String username, String passwordHash, String registrationKey, String invitationCode) {
    return signUp(username, () -> passwordHash, registrationKey, invitationCode);
  }

  /**
   * A new user. Either the registration key or a valid invitation code must be given; with an
   * invitation the user joins its team at once, and it counts one of the invitation's uses. The
   * password is hashed (by {@code passwordHash}, PBKDF2: tens of milliseconds) only after the key,
   * the invitation and the name passed, so a wrong key costs the server next to nothing. Returns
   * the user's id.
   */
  public long signUp(
      String username,
      Supplier<String> passwordHash,
      String registrationKey,
      String invitationCode) {
    String name = Names.check("The user", username);
    boolean invited = invitationCode != null && !invitationCode.isBlank();
    if (!invited && !registrationKeyMatches(registrationKey)) {
      throw new AccountException(WRONG_KEY);
    }
    Long teamId =
        invited
            ? teams
                .validInvitation(invitationCode.strip())
                .orElseThrow(() -> new AccountException(TeamService.INVALID_INVITATION))
            : null;
    if (taken(name)) {
      throw new AccountException("The username '" + name + "' is taken.");
    }
    if (invited && !teams.countUse(invitationCode.strip())) {
      throw new AccountException(
          TeamService.INVALID_INVITATION); // its last use went to a parallel sign-up
    }
    long id =
        ((Number)
                em.createNativeQuery(
                        "insert into users (username, password_hash, role, team_id) values (?1, ?2,"
                            + " 'USER', nullif(?3, -1)) returning id")
                    .setParameter(1, name)
                    .setParameter(2, passwordHash.get())
                    .setParameter(
                        3,
                        teamId == null
                            ? -1L
                            : teamId) // no null parameter: its SQL type would be guessed
                    .getSingleResult())
            .longValue();
    LOG.info(
        () -> "user " + name + " signed up" + (invited ? " by invitation to team " + teamId : ""));
    return id;
  }

  /** What a wrong registration key is told (the sign-up page counts these against the address). */
  public static final String WRONG_KEY =
      "The registration key is not right. Ask the organisers, or a team for an invitation.";

  /** Whether the name is taken, case-insensitively, by any user (a disabled one too). */
  private boolean taken(String name) {
    return !em.createNativeQuery("select 1 from users where lower(username) = lower(?1)")
        .setParameter(1, name)
        .getResultList()
        .isEmpty();
  }

  public void changePassword(Caller caller, String newPasswordHash) {
    em.createNativeQuery("update users set password_hash = ?1 where id = ?2")
        .setParameter(1, newPasswordHash)
        .setParameter(2, caller.userId())
        .executeUpdate();
    LOG.info(() -> "user " + caller.username() + " changed their password");
  }

  /** Whether {@code given} is the registration key in force; false when sign-up by key is off. */
  public boolean registrationKeyMatches(String given) {
    String key = registrationKey().orElse(null);
    return key != null
        && given != null
        && MessageDigest.isEqual(
            key.getBytes(StandardCharsets.UTF_8), given.strip().getBytes(StandardCharsets.UTF_8));
  }

  /**
   * The key in force: the admin's setting if there is one (blank: sign-up by key off), else the
   * configuration's.
   */
  public Optional<String> registrationKey() {
    List<?> rows =
        em.createNativeQuery("select value from settings where key = ?1")
            .setParameter(1, REGISTRATION_KEY)
            .getResultList();
    Optional<String> key =
        rows.isEmpty() ? configuredRegistrationKey : Optional.ofNullable((String) rows.get(0));
    return key.filter(k -> !k.isBlank());
  }

  /** Admins: sets the registration key (blank: nobody signs up without an invitation). */
  public void setRegistrationKey(Caller caller, String key) {
    requireAdmin(caller);
    em.createNativeQuery(
            "insert into settings (key, value) values (?1, ?2)"
                + " on conflict (key) do update set value = excluded.value, updated_at = now()")
        .setParameter(1, REGISTRATION_KEY)
        .setParameter(2, key == null ? "" : key.strip())
        .executeUpdate();
    LOG.info(() -> "admin " + caller.username() + " changed the registration key");
  }

  /** Admins: every user with role and team. */
  public List<UserRow> users(Caller caller) {
    requireAdmin(caller);
    return SqlValues.table(
            em.createNativeQuery(
                "select u.id, u.username, u.role, t.id, t.name, u.created_at, u.disabled_at is not"
                    + " null from users u left join teams t on t.id = u.team_id order by"
                    + " lower(u.username)"))
        .map(
            r ->
                new UserRow(
                    ((Number) r[0]).longValue(),
                    (String) r[1],
                    (String) r[2],
                    r[3] == null ? null : ((Number) r[3]).longValue(),
                    (String) r[4],
                    SqlValues.instant(r[5]),
                    Boolean.TRUE.equals(r[6])))
        .toList();
  }

  /** Admins: makes a user an admin or a plain user again; an admin cannot demote themselves. */
  public void setRole(Caller caller, long userId, boolean admin) {
    requireAdmin(caller);
    if (userId == caller.userId() && !admin) {
      throw new AccountException("You cannot take your own admin role: ask another admin.");
    }
    em.createNativeQuery("update users set role = ?1 where id = ?2")
        .setParameter(1, admin ? "ADMIN" : "USER")
        .setParameter(2, userId)
        .executeUpdate();
    LOG.info(
        () ->
            "admin "
                + caller.username()
                + " set user "
                + userId
                + " to "
                + (admin ? "ADMIN" : "USER"));
  }

  /** Admins: sets a user's password (already hashed); the user signs in with it from now on. */
  public void setPassword(Caller caller, String username, String newPasswordHash) {
    requireAdmin(caller);
    long id = userId(username);
    em.createNativeQuery("update users set password_hash = ?1 where id = ?2")
        .setParameter(1, newPasswordHash)
        .setParameter(2, id)
        .executeUpdate();
    LOG.info(() -> "admin " + caller.username() + " set a new password for user " + id);
  }

  /**
   * Admins: disables a user (no sign-in, and a signed-in session stops at its next request, since
   * {@link #caller} no longer finds them) or enables them again. An admin cannot disable
   * themselves.
   */
  public void setDisabled(Caller caller, String username, boolean disabled) {
    requireAdmin(caller);
    long id = userId(username);
    if (id == caller.userId() && disabled) {
      throw new AccountException("You cannot disable yourself: ask another admin.");
    }
    em.createNativeQuery(
            disabled
                ? "update users set disabled_at = coalesce(disabled_at, now()) where id = ?1"
                : "update users set disabled_at = null where id = ?1")
        .setParameter(1, id)
        .executeUpdate();
    LOG.info(
        () -> "admin " + caller.username() + (disabled ? " disabled" : " enabled") + " user " + id);
  }

  private long userId(String username) {
    List<?> rows =
        em.createNativeQuery("select id from users where lower(username) = lower(?1)")
            .setParameter(1, username == null ? "" : username.strip())
            .getResultList();
    if (rows.isEmpty()) {
      throw new AccountException("No such user.");
    }
    return ((Number) rows.get(0)).longValue();
  }

  static void requireAdmin(Caller caller) {
    if (caller == null || !caller.admin()) {
      throw new AccessDenied("Only admins may do this.");
    }
  }

  /** One user on the admin page. */
  public record UserRow(
      long id,
      String username,
      String role,
      Long teamId,
      String team,
      java.time.Instant created,
      boolean disabled) {}
}

package org.botarena.arena.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down guessing without handing anyone a lock on someone else's account. A sign-in is
 * admitted while its username has had fewer than {@code max-failures} attempts from this address
 * within the window (past that, this address waits: the lock is per username and address), and
 * while it has had fewer than {@code max-failures-per-user} from all addresses; past that total,
 * the addresses the user has not signed in from are slowed down to one attempt per {@code
 * slow-down-seconds} between them all, and the addresses the user signed in from within {@code
 * known-address-days} are not slowed at all. So failures from elsewhere never lock the owner out
 * where they sign in, and a guesser with many addresses gets the total and then one guess per
 * slow-down. A sign-up is admitted while its address has had fewer than {@code
 * sign-up.max-failures} attempts with a wrong key or invitation. An attempt is counted before the
 * password (or key) is checked, in the same statement that checks the limits, so a parallel burst
 * gets no more guesses than a sequence; a success forgets it. Usernames are lower-cased by SQL
 * {@code lower()}, as the lookup does. Kept in PostgreSQL so that every instance counts the same.
 */
@Stateless
public class SignInThrottle {

  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

  /** The row that counts every address's attempts at a username. */
  static final String ANY_ADDRESS = "*";

  /** The sign-up's bucket: no username can look like it (Names.PATTERN has no brackets). */
  static final String SIGN_UP = "(sign-up)";

  /** The user ({@code ?1}) signed in from the address ({@code ?2}) within {@code ?8} days. */
  private static final String KNOWN =
      "exists (select 1 from sign_in_known_addresses k"
          + " where k.username = left(lower(?1), 64) and k.address = ?2"
          + " and k.last_success_at > now() - make_interval(days => ?8))";

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "arena.sign-in.max-failures-per-user", defaultValue = "20")
  int maxFailuresPerUser;

  /**
   * Past the total, one attempt per this many seconds from the addresses the user is not known at.
   */
  @Inject
  @ConfigProperty(name = "arena.sign-in.slow-down-seconds", defaultValue = "30")
  int slowDownSeconds;

  /** How long a successful sign-in makes its address a known one for the user. */
  @Inject
  @ConfigProperty(name = "arena.sign-in.known-address-days", defaultValue = "90")
  int knownAddressDays;

  @Inject
  @ConfigProperty(name = "arena.sign-up.max-failures", defaultValue = "5")
  int maxSignUpFailures;

  @Inject
  @ConfigProperty(name = "arena.sign-in.window-seconds", defaultValue = "900")
  int windowSeconds;

  /**
   * Counts a sign-in attempt of this username from this address if the limits allow it; else how
   * long to wait (and nothing is counted where a limit was reached).
   */
  public Optional<Duration> admit(String username, String address) {
    return admit(key(username), address, maxFailures, maxFailuresPerUser);
  }

  /** The same for a sign-up from this address (a wrong key or invitation is what it limits). */
  public Optional<Duration> admitSignUp(String address) {
    return admit(SIGN_UP, address, maxSignUpFailures, Integer.MAX_VALUE);
  }

  private Optional<Duration> admit(String user, String address, int perAddress, int perUser) {
    String from = address(address);
    if (java.util.concurrent.ThreadLocalRandom.current().nextInt(100) == 0) {
      purge();
    }
    // one statement: each row is locked by its upsert, so concurrent attempts queue and each sees
    // the ones before it; an attempt is appended to the address's row if it stays under its limit,
    // and only then to the username's row (an address that is waiting adds nothing to the total),
    // which admits it under the total, from a known address, or a slow-down after the last one
    String kept =
        " array(select t from unnest(a.attempts) t where t > now() - make_interval(secs => ?4)"
            + " order by t) || now()";
    String counted =
        "(select count(*) from unnest(a.attempts) t where t > now() - make_interval(secs => ?4))";
    List<?> admitted =
        em.createNativeQuery(
                "with here as (insert into sign_in_attempts as a (username, address, attempts)"
                    + " values (left(lower(?1), 64), ?2, array[now()])"
                    + " on conflict (username, address) do update set attempts ="
                    + kept
                    + " where "
                    + counted
                    + " < ?5 returning 1)"
                    + " insert into sign_in_attempts as a (username, address, attempts)"
                    + " select left(lower(?1), 64), ?3, array[now()] from here"
                    + " on conflict (username, address) do update set attempts ="
                    + kept
                    + " where "
                    + counted
                    + " < ?6 or "
                    + KNOWN
                    + " or (select max(t) from unnest(a.attempts) t) <= now() - make_interval(secs"
                    + " => ?7) returning 1")
            .setParameter(1, user)
            .setParameter(2, from)
            .setParameter(3, ANY_ADDRESS)
            .setParameter(4, windowSeconds)
            .setParameter(5, perAddress)
            .setParameter(6, perUser)
            .setParameter(7, slowDownSeconds)
            .setParameter(8, knownAddressDays)
            .getResultList();
    if (admitted.size() == 1) {
      return Optional.empty();
    }
    LOG.info(() -> "throttled an attempt from " + from); // not the name typed: it may be a password
    return Optional.of(waitFor(user, from, perAddress, perUser));
  }

  /**
   * How long until an attempt would be admitted (at least a second): until the address's oldest
   * attempt that still counts leaves the window, or the slow-down after the total's last attempt.
   */
  private Duration waitFor(String user, String address, int perAddress, int perUser) {
    Number seconds =
        (Number)
            em.createNativeQuery(
                    "select coalesce(greatest( (select extract(epoch from (select t from"
                        + " unnest(a.attempts) t   where t > now() - make_interval(secs => ?4)"
                        + " order by t desc offset ?5 - 1 limit 1)   + make_interval(secs => ?4) -"
                        + " now())  from sign_in_attempts a where a.username = left(lower(?1), 64)"
                        + " and a.address = ?2), (select extract(epoch from (select max(t) from"
                        + " unnest(a.attempts) t)   + make_interval(secs => ?7) - now())  from"
                        + " sign_in_attempts a where a.username = left(lower(?1), 64) and a.address"
                        + " = ?3  and (select count(*) from unnest(a.attempts) t where t > now() -"
                        + " make_interval(secs => ?4)) >= ?6  and not "
                        + KNOWN
                        + ")), 1)")
                .setParameter(1, user)
                .setParameter(2, address)
                .setParameter(3, ANY_ADDRESS)
                .setParameter(4, windowSeconds)
                .setParameter(5, perAddress)
                .setParameter(6, perUser)
                .setParameter(7, slowDownSeconds)
                .setParameter(8, knownAddressDays)
                .getSingleResult();
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds.doubleValue())));
  }

  /**
   * A successful sign-in forgets this address's attempts at the user, and its one attempt in all,
   * and makes the address a known one for the user (the total no longer slows it down).
   */
  public void succeeded(String username, String address) {
    forget(key(username), address);
    em.createNativeQuery(
            "insert into sign_in_known_addresses (username, address) values (left(lower(?1), 64),"
                + " ?2) on conflict (username, address) do update set last_success_at = now()")
        .setParameter(1, key(username))
        .setParameter(2, address(address))
        .executeUpdate();
  }

  /** A sign-up that got past the key (or invitation): its attempt does not count. */
  public void signedUp(String address) {
    forget(SIGN_UP, address);
  }

  private void forget(String user, String address) {
    em.createNativeQuery(
            "delete from sign_in_attempts where username = left(lower(?1), 64) and address = ?2")
        .setParameter(1, user)
        .setParameter(2, address(address))
        .executeUpdate();
    em.createNativeQuery(
            "update sign_in_attempts set attempts = trim_array(attempts, 1) where username ="
                + " left(lower(?1), 64) and address = ?2 and cardinality(attempts) > 0")
        .setParameter(1, user)
        .setParameter(2, ANY_ADDRESS)
        .executeUpdate();
  }

  /** Rows older than the window, and known addresses older than theirs (called now and then). */
  public int purge() {
    em.createNativeQuery(
            "delete from sign_in_known_addresses where last_success_at < now() - make_interval(days"
                + " => ?1)")
        .setParameter(1, knownAddressDays)
        .executeUpdate();
    return em.createNativeQuery(
            "delete from sign_in_attempts where"
                + " (select max(t) from unnest(attempts) t) < now() - make_interval(secs => ?1)")
        .setParameter(1, windowSeconds)
        .executeUpdate();
  }

  /** Usernames as typed but stripped, as the lookup strips them; SQL lower-cases them. */
  private static String key(String username) {
    return username == null ? "" : username.strip();
  }

  private static String address(String address) {
    String a = address == null || address.isBlank() ? "unknown" : address;
    return a.length() > 64 ? a.substring(0, 64) : a;
  }
}

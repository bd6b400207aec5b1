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
 * Slows down guessing. A sign-in is admitted only while its username has had fewer than {@code
 * max-failures} attempts from this address and fewer than {@code max-failures-per-user} from any
 * address within the window; a sign-up is admitted while its address has had fewer than {@code
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

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "arena.sign-in.max-failures-per-user", defaultValue = "20")
  int maxFailuresPerUser;

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
    // and only then to the username's row (an address that is waiting adds nothing to the total)
    String upsert = " on conflict (username, address) do update set attempts ="
        + " array(select t from unnest(a.attempts) t where t > now() - make_interval(secs => ?4) order by t) || now()"
        + " where (select count(*) from unnest(a.attempts) t where t > now() - make_interval(secs => ?4)) < ";
    List<?> admitted = em.createNativeQuery(
            "with here as (insert into sign_in_attempts as a (username, address, attempts)"
                + " values (left(lower(?1), 64), ?2, array[now()])" + upsert + "?5 returning 1)"
                + " insert into sign_in_attempts as a (username, address, attempts)"
                + " select left(lower(?1), 64), ?3, array[now()] from here" + upsert + "?6 returning 1")
        .setParameter(1, user).setParameter(2, from).setParameter(3, ANY_ADDRESS)
        .setParameter(4, windowSeconds).setParameter(5, perAddress).setParameter(6, perUser)
        .getResultList();
    if (admitted.size() == 1) {
      return Optional.empty();
    }
    LOG.info(() -> "throttled an attempt from " + from); // not the name typed: it may be a password
    return Optional.of(waitFor(user, from, perAddress, perUser));
  }

  /** When the blocking row's oldest attempt that still counts leaves the window (at least a second). */
  private Duration waitFor(String user, String address, int perAddress, int perUser) {
    Number seconds = (Number) em.createNativeQuery(
            "select coalesce(max(extract(epoch from b.at + make_interval(secs => ?4) - now())), 1) from ("
                + " select (select t from unnest(a.attempts) t where t > now() - make_interval(secs => ?4)"
                + "   order by t desc offset (case when a.address = ?3 then ?6 else ?5 end) - 1 limit 1) at"
                + " from sign_in_attempts a where a.username = left(lower(?1), 64) and a.address in (?2, ?3)) b")
        .setParameter(1, user).setParameter(2, address).setParameter(3, ANY_ADDRESS)
        .setParameter(4, windowSeconds).setParameter(5, perAddress).setParameter(6, perUser)
        .getSingleResult();
    return Duration.ofSeconds(Math.max(1, (long) Math.ceil(seconds.doubleValue())));
  }

  /** A successful sign-in forgets this address's attempts at the user, and its one attempt in all. */
  public void succeeded(String username, String address) {
    forget(key(username), address);
  }

  /** A sign-up that got past the key (or invitation): its attempt does not count. */
  public void signedUp(String address) {
    forget(SIGN_UP, address);
  }

  private void forget(String user, String address) {
    em.createNativeQuery("delete from sign_in_attempts where username = left(lower(?1), 64) and address = ?2")
        .setParameter(1, user).setParameter(2, address(address)).executeUpdate();
    em.createNativeQuery("update sign_in_attempts set attempts = trim_array(attempts, 1)"
            + " where username = left(lower(?1), 64) and address = ?2 and cardinality(attempts) > 0")
        .setParameter(1, user).setParameter(2, ANY_ADDRESS).executeUpdate();
  }

  /** Rows older than the window, left by users who never came back (called now and then). */
  public int purge() {
    return em.createNativeQuery("delete from sign_in_attempts where"
            + " (select max(t) from unnest(attempts) t) < now() - make_interval(secs => ?1)")
        .setParameter(1, windowSeconds).executeUpdate();
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

package org.botarena.arena.accounts;

import jakarta.ejb.Stateless;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.logging.Logger;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Slows down password guessing: after {@code max-failures} failed sign-ins for one username from
 * one address within the window, that pair waits until the oldest failure leaves the window; a
 * username with {@code max-failures-per-user} failures from any addresses waits too (guessing from
 * many addresses). Kept in PostgreSQL so that every instance counts the same failures.
 */
@Stateless
public class SignInThrottle {

  private static final Logger LOG = Logger.getLogger(SignInThrottle.class.getName());

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  @Inject
  @ConfigProperty(name = "arena.sign-in.max-failures", defaultValue = "5")
  int maxFailures;

  @Inject
  @ConfigProperty(name = "arena.sign-in.max-failures-per-user", defaultValue = "20")
  int maxFailuresPerUser;

  @Inject
  @ConfigProperty(name = "arena.sign-in.window-seconds", defaultValue = "900")
  int windowSeconds;

  /** How long this username must wait before trying again from this address; empty: it may try now. */
  public Optional<Duration> wait(String username, String address) {
    String user = key(username);
    Instant fromHere = oldestBlocking("select failed_at from sign_in_failures where username = ?1 and address = ?2"
        + " and failed_at > now() - make_interval(secs => ?3) order by failed_at desc offset ?4 - 1 limit 1",
        user, address, maxFailures);
    Instant fromAnywhere = oldestBlocking("select failed_at from sign_in_failures where username = ?1 and ?2 = ?2"
        + " and failed_at > now() - make_interval(secs => ?3) order by failed_at desc offset ?4 - 1 limit 1",
        user, address, maxFailuresPerUser);
    Instant until = later(fromHere, fromAnywhere);
    if (until == null) {
      return Optional.empty();
    }
    Duration wait = Duration.between(Instant.now(), until.plusSeconds(windowSeconds));
    return wait.isNegative() || wait.isZero() ? Optional.empty() : Optional.of(wait);
  }

  public void failed(String username, String address) {
    String user = key(username);
    em.createNativeQuery("delete from sign_in_failures where failed_at < now() - make_interval(secs => ?1)")
        .setParameter(1, windowSeconds).executeUpdate();
    em.createNativeQuery("insert into sign_in_failures (username, address) values (?1, ?2)")
        .setParameter(1, user).setParameter(2, address).executeUpdate();
    // not the name typed: a password typed into the name field must not end up in the log
    LOG.info(() -> "failed sign-in from " + address);
  }

  /** A successful sign-in forgets this address's failures for the user. */
  public void succeeded(String username, String address) {
    em.createNativeQuery("delete from sign_in_failures where username = ?1 and address = ?2")
        .setParameter(1, key(username)).setParameter(2, address).executeUpdate();
  }

  /** The n-th latest failure in the window (the one that blocks), if there are n. */
  private Instant oldestBlocking(String sql, String user, String address, int n) {
    List<?> rows = em.createNativeQuery(sql)
        .setParameter(1, user).setParameter(2, address).setParameter(3, windowSeconds).setParameter(4, n)
        .getResultList();
    return rows.isEmpty() ? null : Rows.instant(rows.get(0));
  }

  private static Instant later(Instant a, Instant b) {
    if (a == null) {
      return b;
    }
    return b == null || a.isAfter(b) ? a : b;
  }

  /** Usernames as typed, cut to the column's size (a wrong password for a huge name is still a failure). */
  private static String key(String username) {
    String u = username == null ? "" : username.strip().toLowerCase(Locale.ROOT);
    return u.length() > 64 ? u.substring(0, 64) : u;
  }
}

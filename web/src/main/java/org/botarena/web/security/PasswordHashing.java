package org.botarena.web.security;

import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.identitystore.Pbkdf2PasswordHash;
import java.util.Map;

/**
 * Jakarta Security's PBKDF2 hash with the parameters the admin CLI uses (db module's Secrets:
 * PBKDF2WithHmacSHA256, 210,000 iterations, 32-byte salt and key), so both write and verify the
 * same {@code algorithm:iterations:salt:hash} strings.
 */
@ApplicationScoped
public class PasswordHashing {

  /** The shortest password accepted (the admin CLI's too). */
  public static final int MIN_LENGTH = org.botarena.db.Secrets.MIN_PASSWORD_LENGTH;

  /** The longest password the portal accepts. */
  public static final int MAX_LENGTH = 200;

  public static final String LENGTH_RULE =
      "A password has " + MIN_LENGTH + " to " + MAX_LENGTH + " characters.";

  /**
   * A hash of a random password, verified when the user is unknown so that both cases take as long.
   */
  private static final String DUMMY =
      "PBKDF2WithHmacSHA256:210000:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=";

  @Inject Pbkdf2PasswordHash hash;

  @PostConstruct
  void configure() {
    hash.initialize(
        Map.of(
            "Pbkdf2PasswordHash.Algorithm", "PBKDF2WithHmacSHA256",
            "Pbkdf2PasswordHash.Iterations", "210000",
            "Pbkdf2PasswordHash.SaltSizeBytes", "32",
            "Pbkdf2PasswordHash.KeySizeBytes", "32"));
  }

  public String hash(String password) {
    return hash.generate(password.toCharArray());
  }

  public boolean verify(String password, String stored) {
    try {
      return hash.verify(password.toCharArray(), stored == null ? DUMMY : stored);
    } catch (RuntimeException e) {
      return false; // a malformed stored hash is a failed sign-in, not an error page
    }
  }
}

package org.botarena.web.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.security.enterprise.credential.Credential;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.security.enterprise.identitystore.CredentialValidationResult;
import jakarta.security.enterprise.identitystore.IdentityStore;
import java.util.Set;
import org.botarena.arena.accounts.AccountService;
import org.botarena.arena.accounts.Credentials;

/**
 * The users table as a Jakarta Security identity store. Rather than {@code
 * DatabaseIdentityStoreDefinition} (whose caller name is whatever was typed), it looks users up
 * case-insensitively, answers with the name as registered, and spends the PBKDF2 time on unknown
 * names too. Passwords are verified with Jakarta Security's {@code Pbkdf2PasswordHash}.
 */
@ApplicationScoped
public class ArenaIdentityStore implements IdentityStore {

  @Inject AccountService accounts;
  @Inject PasswordHashing passwords;

  @Override
  public CredentialValidationResult validate(Credential credential) {
    if (!(credential instanceof UsernamePasswordCredential login)) {
      return CredentialValidationResult.NOT_VALIDATED_RESULT;
    }
    String name = login.getCaller();
    if (name == null || name.isBlank() || name.length() > 64) {
      passwords.verify(login.getPasswordAsString(), null);
      return CredentialValidationResult.INVALID_RESULT;
    }
    Credentials user = accounts.credentials(name).orElse(null);
    boolean valid =
        passwords.verify(login.getPasswordAsString(), user == null ? null : user.passwordHash());
    if (user == null || !valid) {
      return CredentialValidationResult.INVALID_RESULT;
    }
    return new CredentialValidationResult(
        user.username(), user.admin() ? Set.of(Roles.USER, Roles.ADMIN) : Set.of(Roles.USER));
  }
}

package org.botarena.web.pages;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.botarena.arena.accounts.AccountService;
import org.botarena.arena.accounts.Names;
import org.botarena.arena.accounts.SignInThrottle;
import org.botarena.web.security.PasswordHashing;

/**
 * Sign-up with the registration key or an invitation code (from an invitation link's {@code
 * ?invite=}).
 */
@Named
@RequestScoped
public class SignUpView {

  @Inject AccountService accounts;
  @Inject PasswordHashing passwords;
  @Inject SecurityContext security;
  @Inject SignInThrottle throttle;

  @NotBlank(message = "Choose a username.")
  @Pattern(regexp = Names.PATTERN, message = "A username is " + Names.RULE + ".")
  private String username;

  @NotBlank(message = "Choose a password.")
  @Size(
      min = PasswordHashing.MIN_LENGTH,
      max = PasswordHashing.MAX_LENGTH,
      message = PasswordHashing.LENGTH_RULE)
  private String password;

  private String confirm;

  @Size(max = 200, message = "That key is too long.")
  private String registrationKey;

  @Size(max = 200, message = "That invitation code is too long.")
  private String invitation;

  public String signUp() {
    if (!password.equals(confirm)) {
      Pages.error("signup:confirm", "The passwords differ.");
      return null;
    }
    String address = Pages.remoteAddress();
    Optional<Duration> wait = throttle.admitSignUp(address);
    if (wait.isPresent()) {
      Pages.error(
          "Too many sign-ups with a wrong key or invitation from here: try again in "
              + Math.max(1, (wait.get().toSeconds() + 59) / 60)
              + " minute(s).");
      return null;
    }
    // the key, the invitation and the name are checked first: only then is the password hashed
    boolean done =
        Pages.attempt(
            () ->
                accounts.signUp(
                    username, () -> passwords.hash(password), registrationKey, invitation));
    if (!done) {
      return null; // still counted: a wrong key or invitation (or a taken name) costs one attempt
    }
    throttle.signedUp(address);
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    security.authenticate(
        (HttpServletRequest) ext.getRequest(),
        (HttpServletResponse) ext.getResponse(),
        withParams()
            .credential(new UsernamePasswordCredential(username, password))
            .newAuthentication(true));
    password = null;
    confirm = null;
    return "/app/dashboard?faces-redirect=true";
  }

  public String getUsername() {
    return username;
  }

  public void setUsername(String username) {
    this.username = username;
  }

  public String getPassword() {
    return password;
  }

  public void setPassword(String password) {
    this.password = password;
  }

  public String getConfirm() {
    return confirm;
  }

  public void setConfirm(String confirm) {
    this.confirm = confirm;
  }

  public String getRegistrationKey() {
    return registrationKey;
  }

  public void setRegistrationKey(String registrationKey) {
    this.registrationKey = registrationKey;
  }

  public String getInvitation() {
    return invitation;
  }

  public void setInvitation(String invitation) {
    this.invitation = invitation;
  }
}

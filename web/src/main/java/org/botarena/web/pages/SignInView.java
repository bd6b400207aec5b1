package org.botarena.web.pages;

import static jakarta.security.enterprise.authentication.mechanism.http.AuthenticationParameters.withParams;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.AuthenticationStatus;
import jakarta.security.enterprise.SecurityContext;
import jakarta.security.enterprise.credential.UsernamePasswordCredential;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.util.Optional;
import org.botarena.arena.accounts.SignInThrottle;

/** The sign-in form: the throttle first, then Jakarta Security. */
@Named
@RequestScoped
public class SignInView {

  @Inject SecurityContext security;
  @Inject SignInThrottle throttle;

  @NotBlank(message = "Enter your username.")
  @Size(max = 64, message = "Usernames have at most 64 characters.")
  private String username;

  @NotBlank(message = "Enter your password.")
  @Size(max = 200, message = "Passwords have at most 200 characters.")
  private String password;

  public String signIn() {
    String address = Pages.remoteAddress();
    Optional<Duration> wait =
        throttle.admit(username, address); // counted now: a parallel burst gets no more
    if (wait.isPresent()) {
      Pages.error(
          "Too many failed sign-ins for this user: try again in "
              + Math.max(1, (wait.get().toSeconds() + 59) / 60)
              + " minute(s).");
      return null;
    }
    FacesContext faces = FacesContext.getCurrentInstance();
    ExternalContext ext = faces.getExternalContext();
    AuthenticationStatus status =
        security.authenticate(
            (HttpServletRequest) ext.getRequest(),
            (HttpServletResponse) ext.getResponse(),
            withParams()
                .credential(new UsernamePasswordCredential(username, password))
                .newAuthentication(true));
    password = null;
    switch (status) {
      case SEND_CONTINUE -> {
        throttle.succeeded(username, address);
        faces.responseComplete(); // the mechanism redirects to the page that asked for sign-in
        return null;
      }
      case SUCCESS -> {
        throttle.succeeded(username, address);
        return "/app/dashboard?faces-redirect=true";
      }
      default -> {
        Pages.error("Wrong username or password.");
        return null;
      }
    }
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
}

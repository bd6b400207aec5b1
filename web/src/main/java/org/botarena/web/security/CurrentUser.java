package org.botarena.web.security;

import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.security.enterprise.SecurityContext;
import java.security.Principal;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountService;
import org.botarena.arena.accounts.Caller;

/** The signed-in user of this request (read afresh each request: team and role may change). */
@Named("me")
@RequestScoped
public class CurrentUser {

  @Inject SecurityContext security;
  @Inject AccountService accounts;

  private Caller caller;
  private boolean loaded;

  /** The caller, or null when nobody is signed in. */
  public Caller caller() {
    if (!loaded) {
      Principal p = security.getCallerPrincipal();
      caller = p == null ? null : accounts.caller(p.getName()).orElse(null);
      loaded = true;
    }
    return caller;
  }

  public Caller require() {
    Caller c = caller();
    if (c == null) {
      throw new AccessDenied("Sign in first.");
    }
    return c;
  }

  public boolean isSignedIn() {
    return caller() != null;
  }

  public boolean isAdmin() {
    return caller() != null && caller().admin();
  }

  public String getName() {
    return caller() == null ? null : caller().username();
  }

  public boolean isInTeam() {
    return caller() != null && caller().teamId() != null;
  }
}

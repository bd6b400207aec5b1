package org.botarena.web.pages;

import jakarta.enterprise.context.RequestScoped;
import jakarta.faces.context.ExternalContext;
import jakarta.faces.context.FacesContext;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.botarena.arena.accounts.AccountService;
import org.botarena.arena.accounts.Caller;
import org.botarena.web.security.CurrentUser;
import org.botarena.web.security.PasswordHashing;

/** The account page (change password) and signing out. */
@Named
@RequestScoped
public class AccountView {

  @Inject CurrentUser me;
  @Inject AccountService accounts;
  @Inject PasswordHashing passwords;

  @NotBlank(message = "Enter your current password.")
  private String current;

  @NotBlank(message = "Choose a new password.")
  @Size(
      min = PasswordHashing.MIN_LENGTH,
      max = PasswordHashing.MAX_LENGTH,
      message = PasswordHashing.LENGTH_RULE)
  private String fresh;

  private String confirm;

  public String changePassword() {
    Caller caller = me.require();
    String stored = accounts.credentials(caller.username()).orElseThrow().passwordHash();
    if (!passwords.verify(current, stored)) {
      Pages.error("password:current", "That is not your current password.");
    } else if (!fresh.equals(confirm)) {
      Pages.error("password:confirm", "The new passwords differ.");
    } else {
      accounts.changePassword(caller, passwords.hash(fresh));
      Pages.info("Your password is changed.");
    }
    current = null;
    fresh = null;
    confirm = null;
    return null;
  }

  /** Signs out (a POST: the form's ViewState protects it) and ends the session. */
  public String signOut() throws ServletException {
    ExternalContext ext = FacesContext.getCurrentInstance().getExternalContext();
    ((HttpServletRequest) ext.getRequest()).logout();
    ext.invalidateSession();
    return "/signin?faces-redirect=true";
  }

  public String getCurrent() {
    return current;
  }

  public void setCurrent(String current) {
    this.current = current;
  }

  public String getFresh() {
    return fresh;
  }

  public void setFresh(String fresh) {
    this.fresh = fresh;
  }

  public String getConfirm() {
    return confirm;
  }

  public void setConfirm(String confirm) {
    this.confirm = confirm;
  }
}

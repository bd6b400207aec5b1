package org.botarena.web.pages;

import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import java.util.UUID;
import org.botarena.arena.accounts.AccountService;
import org.botarena.arena.accounts.TeamService;
import org.botarena.arena.portal.AdminOperations;
import org.botarena.arena.portal.MatchFilter;
import org.botarena.arena.portal.MatchHistory;
import org.botarena.arena.portal.MatchSummary;
import org.botarena.web.security.CurrentUser;

/** The admin page: users and roles, teams, the registration key, resets, FAILED matches. */
@Named
@ViewScoped
public class AdminView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentUser me;
  @Inject transient AccountService accounts;
  @Inject transient TeamService teams;
  @Inject transient AdminOperations operations;
  @Inject transient MatchHistory history;

  @Size(max = 200, message = "At most 200 characters.")
  private String registrationKey;

  /** Whether sign-up by key is open (the key itself is not shown again). */
  public boolean isKeySet() {
    return accounts.registrationKey().isPresent();
  }

  public List<AccountService.UserRow> getUsers() {
    return accounts.users(me.require());
  }

  public List<TeamService.TeamSummary> getTeams() {
    return teams.teams(me.require());
  }

  public List<MatchSummary> getFailedMatches() {
    return history.matches(new MatchFilter(null, null, null, null, "FAILED", null, null), 0, 100);
  }

  public void saveRegistrationKey() {
    if (Pages.attempt(() -> accounts.setRegistrationKey(me.require(), registrationKey))) {
      Pages.info(registrationKey == null || registrationKey.isBlank()
          ? "Sign-up by key is closed: only invitations work now." : "The registration key is changed.");
      registrationKey = null;
    }
  }

  public void setRole(long userId, boolean admin) {
    if (Pages.attempt(() -> accounts.setRole(me.require(), userId, admin))) {
      Pages.info("Role changed.");
    }
  }

  public void resetRatings() {
    Pages.attempt(() -> Pages.info(operations.resetRatings(me.require()) + " ratings reset."));
  }

  public void resetGames() {
    Pages.attempt(() -> Pages.info(operations.resetGames(me.require()) + " matches deleted, ratings reset."));
  }

  public void requeue(String matchId) {
    Pages.attempt(() -> Pages.info(operations.requeueFailed(me.require(), UUID.fromString(matchId))
        ? "Requeued." : "That match is not FAILED any more."));
  }

  public String getRegistrationKey() {
    return registrationKey;
  }

  public void setRegistrationKey(String registrationKey) {
    this.registrationKey = registrationKey;
  }
}

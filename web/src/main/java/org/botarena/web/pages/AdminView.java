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
import org.botarena.arena.matches.MatchFilter;
import org.botarena.arena.matches.MatchHistory;
import org.botarena.arena.matches.MatchSummary;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.arena.operations.AdminOperations;
import org.botarena.arena.ratings.SeasonService;
import org.botarena.web.security.CurrentUser;
import org.botarena.web.security.PasswordHashing;

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
  @Inject transient PasswordHashing passwords;
  @Inject transient SeasonService seasons;

  /** The seasons shown here are the first training arena's (each arena's: docs/ratings.md). */
  @Inject transient TrainingGames trainingGames;

  private String passwordUser;
  private transient String newPassword;

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
      Pages.info(
          registrationKey == null || registrationKey.isBlank()
              ? "Sign-up by key is closed: only invitations work now."
              : "The registration key is changed.");
      registrationKey = null;
    }
  }

  public void setRole(long userId, boolean admin) {
    if (Pages.attempt(() -> accounts.setRole(me.require(), userId, admin))) {
      Pages.info("Role changed.");
    }
  }

  /** Disables a user (no sign-in; their session ends at its next request) or enables them again. */
  public void setDisabled(String username, boolean disabled) {
    if (Pages.attempt(() -> accounts.setDisabled(me.require(), username, disabled))) {
      Pages.info(username + (disabled ? " is disabled." : " is enabled again."));
    }
  }

  /** Sets the password of the user chosen on the page. */
  public void setPassword() {
    if (newPassword == null
        || newPassword.length() < PasswordHashing.MIN_LENGTH
        || newPassword.length() > PasswordHashing.MAX_LENGTH) {
      Pages.error(PasswordHashing.LENGTH_RULE);
      return;
    }
    String password = newPassword;
    newPassword = null;
    if (Pages.attempt(
        () -> accounts.setPassword(me.require(), passwordUser, passwords.hash(password)))) {
      Pages.info("A new password is set for " + passwordUser + ".");
    }
  }

  public String getPasswordUser() {
    return passwordUser;
  }

  public void setPasswordUser(String passwordUser) {
    this.passwordUser = passwordUser;
  }

  public String getNewPassword() {
    return newPassword;
  }

  public void setNewPassword(String newPassword) {
    this.newPassword = newPassword;
  }

  public String getTrainingGame() {
    return trainingGames.first();
  }

  /** The training arena's current season number (1 before it first opened). */
  public int getCurrentSeason() {
    return seasons.seasons(trainingGames.first()).stream()
        .findFirst()
        .map(SeasonService.Season::number)
        .orElse(1);
  }

  public void startSeason() {
    Pages.attempt(
        () ->
            Pages.info(
                "Season "
                    + seasons.startNew(me.require(), trainingGames.first())
                    + " has started; every rating starts over."));
  }

  public void resetRatings() {
    Pages.attempt(() -> Pages.info(operations.resetRatings(me.require()) + " ratings reset."));
  }

  public void resetGames() {
    Pages.attempt(
        () -> Pages.info(operations.resetGames(me.require()) + " matches deleted, ratings reset."));
  }

  public void requeue(String matchId) {
    Pages.attempt(
        () ->
            Pages.info(
                operations.requeueFailed(me.require(), UUID.fromString(matchId))
                    ? "Requeued."
                    : "That match is not FAILED any more."));
  }

  public String getRegistrationKey() {
    return registrationKey;
  }

  public void setRegistrationKey(String registrationKey) {
    this.registrationKey = registrationKey;
  }
}

package org.botarena.web.pages;

import jakarta.faces.context.FacesContext;
import jakarta.faces.view.ViewScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.io.Serializable;
import java.util.List;
import org.botarena.arena.accounts.AccessDenied;
import org.botarena.arena.accounts.AccountException;
import org.botarena.arena.accounts.Caller;
import org.botarena.arena.accounts.Names;
import org.botarena.arena.accounts.TeamService;
import org.botarena.arena.bots.BotService;
import org.botarena.arena.evaluations.EvaluationService;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.web.security.CurrentUser;

/**
 * The team page: members, invitations, bots and their tokens; or, for a user without a team,
 * creating or joining one. A new token or invitation code is held by this view only until the next
 * action: a reload of the page shows it no more.
 */
@Named
@ViewScoped
public class TeamView implements Serializable {

  private static final long serialVersionUID = 1L;

  @Inject transient CurrentUser me;
  @Inject transient TeamService teams;
  @Inject transient BotService bots;
  @Inject transient EvaluationService evaluations;

  @Inject transient TrainingGames trainingGames;

  private Long teamId;
  private TeamService.TeamInfo team;
  private List<BotService.TeamBot> teamBots = List.of();

  @NotBlank(message = "Name the team.")
  @Pattern(regexp = Names.PATTERN, message = "A team name is " + Names.RULE + ".")
  private String newTeamName;

  /** How many people the next invitation lets in. */
  @jakarta.validation.constraints.Min(value = 1, message = "An invitation works at least once.")
  @jakarta.validation.constraints.Max(
      value = TeamService.MAX_INVITATION_USES,
      message = "An invitation works at most " + TeamService.MAX_INVITATION_USES + " times.")
  private int invitationUses = 1;

  @NotBlank(message = "Paste the invitation code.")
  @Size(max = 200, message = "That invitation code is too long.")
  private String joinCode;

  @NotBlank(message = "Name the bot.")
  @Pattern(regexp = Names.PATTERN, message = "A bot name is " + Names.RULE + ".")
  private String newBotName;

  private Long renameBot;

  @NotBlank(message = "Give the new name.")
  @Pattern(regexp = Names.PATTERN, message = "A bot name is " + Names.RULE + ".")
  private String renameTo;

  /** Shown once, then forgotten. */
  private transient String shownToken;

  private String shownTokenBot;
  private transient String shownInvitation;

  /** The view action: the caller's team, or (admins) the one asked for; another team's is 403. */
  public void load() {
    Caller caller = me.require();
    if (teamId == null) {
      teamId = caller.teamId();
    }
    if (teamId == null) {
      return;
    }
    try {
      refresh();
    } catch (AccessDenied e) {
      team = null;
      Pages.forbidden();
    } catch (AccountException e) {
      team = null;
      Pages.notFound();
    }
  }

  private void refresh() {
    Caller caller = me.require();
    team = teams.team(caller, teamId);
    teamBots = bots.bots(caller, teamId, trainingGames.first());
  }

  public String createTeam() {
    if (Pages.attempt(() -> teamId = teams.create(me.require(), newTeamName))) {
      return "/app/team?faces-redirect=true";
    }
    return null;
  }

  public String join() {
    if (Pages.attempt(() -> Pages.info("You joined " + teams.join(me.require(), joinCode) + "."))) {
      return "/app/team?faces-redirect=true";
    }
    return null;
  }

  public String leave() {
    if (Pages.attempt(() -> teams.leave(me.require()))) {
      return "/app/dashboard?faces-redirect=true";
    }
    return null;
  }

  public void invite() {
    forget();
    Pages.attempt(() -> shownInvitation = teams.invite(me.require(), teamId, invitationUses));
    invitationUses = 1;
    refresh();
  }

  /** A member leaves the team by the team's (or an admin's) decision; they keep their account. */
  public void removeMember(String username) {
    forget();
    if (Pages.attempt(() -> teams.removeMember(me.require(), teamId, username))) {
      Pages.info(username + " is no longer in the team.");
    }
    refresh();
  }

  public int getInvitationUses() {
    return invitationUses;
  }

  public void setInvitationUses(int invitationUses) {
    this.invitationUses = invitationUses;
  }

  public void revokeInvitation(long id) {
    forget();
    Pages.attempt(() -> teams.revokeInvitation(me.require(), id));
    refresh();
  }

  public void createBot() {
    forget();
    if (Pages.attempt(() -> show(bots.create(me.require(), newBotName)))) {
      newBotName = null;
    }
    refresh();
  }

  public void rotate(long botId) {
    forget();
    // once committed, the old token fails and a bot connected with it is cut off (BotCutOff)
    Pages.attempt(() -> show(bots.rotate(me.require(), botId)));
    refresh();
  }

  /** Offers the bot for other teams' debug games, or withdraws it. */
  public void offer(long botId, boolean offered) {
    forget();
    if (Pages.attempt(() -> bots.offerToOtherTeams(me.require(), botId, offered))) {
      Pages.info(
          offered
              ? "Other teams may now seat this bot in their debug games."
              : "Other teams can no longer seat this bot.");
    }
    refresh();
  }

  /** Whether the team's tournament winners join other teams' evaluation suites. */
  public boolean isEvaluationOpponent() {
    return team != null && evaluations.allowsAsOpponent(me.require(), teamId);
  }

  /** Lets the team's tournament winners join other teams' evaluation suites, or stops it. */
  public void allowEvaluations(boolean allowed) {
    forget();
    if (Pages.attempt(() -> evaluations.allowAsOpponent(me.require(), teamId, allowed))) {
      Pages.info(
          allowed
              ? "Our tournament winners now join other teams' evaluation suites."
              : "Our tournament winners join no new evaluation suites.");
    }
    refresh();
  }

  public void revoke(long botId) {
    forget();
    if (Pages.attempt(() -> bots.revoke(me.require(), botId))) {
      Pages.info("The token is revoked; a bot connected with it was cut off.");
    }
    refresh();
  }

  public void delete(long botId) {
    forget();
    if (Pages.attempt(() -> bots.delete(me.require(), botId))) {
      Pages.info("The bot is deleted; its matches stay in the history.");
    }
    refresh();
  }

  public void rename() {
    forget();
    if (renameBot == null) {
      Pages.error("Choose the bot to rename.");
      return;
    }
    if (Pages.attempt(() -> bots.rename(me.require(), renameBot, renameTo))) {
      Pages.info("Renamed. Its old name stays in its history.");
      renameTo = null;
    }
    refresh();
  }

  private void show(BotService.NewToken token) {
    shownToken = token.token();
    shownTokenBot = token.botName();
  }

  private void forget() {
    shownToken = null;
    shownTokenBot = null;
    shownInvitation = null;
  }

  /** The link that signs up (or joins) with the invitation just created. */
  public String getInvitationLink() {
    if (shownInvitation == null) {
      return null;
    }
    HttpServletRequest req =
        (HttpServletRequest) FacesContext.getCurrentInstance().getExternalContext().getRequest();
    String base =
        req.getScheme()
            + "://"
            + req.getServerName()
            + ":"
            + req.getServerPort()
            + req.getContextPath();
    return base + "/signup.xhtml?invite=" + shownInvitation;
  }

  public boolean isMember() {
    Caller c = me.caller();
    return c != null && teamId != null && teamId.equals(c.teamId());
  }

  public Long getTeamId() {
    return teamId;
  }

  public void setTeamId(Long teamId) {
    this.teamId = teamId;
  }

  public TeamService.TeamInfo getTeam() {
    return team;
  }

  public List<BotService.TeamBot> getBots() {
    return teamBots;
  }

  public String getNewTeamName() {
    return newTeamName;
  }

  public void setNewTeamName(String newTeamName) {
    this.newTeamName = newTeamName;
  }

  public String getJoinCode() {
    return joinCode;
  }

  public void setJoinCode(String joinCode) {
    this.joinCode = joinCode;
  }

  public String getNewBotName() {
    return newBotName;
  }

  public void setNewBotName(String newBotName) {
    this.newBotName = newBotName;
  }

  public Long getRenameBot() {
    return renameBot;
  }

  public void setRenameBot(Long renameBot) {
    this.renameBot = renameBot;
  }

  public String getRenameTo() {
    return renameTo;
  }

  public void setRenameTo(String renameTo) {
    this.renameTo = renameTo;
  }

  public String getShownToken() {
    return shownToken;
  }

  public String getShownTokenBot() {
    return shownTokenBot;
  }

  public String getShownInvitation() {
    return shownInvitation;
  }

  public String getGameType() {
    return trainingGames.first();
  }
}

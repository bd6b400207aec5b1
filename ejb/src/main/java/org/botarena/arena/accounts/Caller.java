package org.botarena.arena.accounts;

/**
 * The signed-in user an operation is done for.
 *
 * @param teamId the user's team, or null while they have none
 */
public record Caller(long userId, String username, boolean admin, Long teamId) {

  /** Whether this caller may see and change what belongs to {@code team}. */
  public boolean mayManage(long team) {
    return admin || (teamId != null && teamId == team);
  }
}

package org.botarena.arena.accounts;

/** What the identity store checks a password against: never shown, never logged. */
public record Credentials(String username, String passwordHash, boolean admin) {

  @Override
  public String toString() {
    return "Credentials[" + username + "]";
  }
}

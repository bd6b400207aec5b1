package org.botarena.arena.accounts;

import jakarta.ejb.ApplicationException;

/** The caller may not see or change this (another team's bot, an admin's page). */
@ApplicationException(rollback = true)
public class AccessDenied extends RuntimeException {

  public AccessDenied(String message) {
    super(message);
  }
}

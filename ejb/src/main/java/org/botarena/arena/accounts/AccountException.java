package org.botarena.arena.accounts;

import jakarta.ejb.ApplicationException;

/** A request that cannot be done as asked; the message is for the user and names no secret. */
@ApplicationException(rollback = true)
public class AccountException extends RuntimeException {

  public AccountException(String message) {
    super(message);
  }
}

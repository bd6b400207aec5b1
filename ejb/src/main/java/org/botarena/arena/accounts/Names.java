package org.botarena.arena.accounts;

import org.botarena.db.NameRule;

/**
 * The portal's check of the names of users, teams and bots: {@link NameRule} (the admin CLI's too),
 * on the name stripped of blanks, failing as an {@link AccountException} the pages show.
 */
public final class Names {

  /** For the pages' Bean Validation annotations, which need constants. */
  public static final String PATTERN = NameRule.PATTERN;

  public static final String RULE = NameRule.RULE;

  private Names() {}

  public static String check(String what, String name) {
    String trimmed = name == null ? "" : name.strip();
    if (!NameRule.isValid(trimmed)) {
      throw new AccountException(what + " name must be " + RULE);
    }
    return trimmed;
  }
}

package org.botarena.arena.accounts;

import java.util.regex.Pattern;

/** Names of users, teams and bots appear in pages and logs: short and plain (as the admin CLI). */
public final class Names {

  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";
  public static final String RULE = "1-64 letters, digits, '_', '.' or '-', starting with a letter or digit";
  private static final Pattern VALID = Pattern.compile(PATTERN);

  private Names() {}

  static String check(String what, String name) {
    String trimmed = name == null ? "" : name.strip();
    if (!VALID.matcher(trimmed).matches()) {
      throw new AccountException(what + " name must be " + RULE);
    }
    return trimmed;
  }
}

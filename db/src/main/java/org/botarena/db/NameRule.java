package org.botarena.db;

import java.util.regex.Pattern;

/**
 * The one rule for the names of users, teams and bots, for the portal (ejb's {@code
 * accounts.Names}) and the admin CLI alike: names appear in pages and logs, so they are short and
 * plain.
 */
public final class NameRule {

  public static final String PATTERN = "[A-Za-z0-9][A-Za-z0-9_.-]{0,63}";

  /** The rule in words, for error messages: "... must be " + RULE. */
  public static final String RULE =
      "1-64 letters, digits, '_', '.' or '-', starting with a letter or digit";

  private static final Pattern VALID = Pattern.compile(PATTERN);

  private NameRule() {}

  public static boolean isValid(String name) {
    return name != null && VALID.matcher(name).matches();
  }
}

package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/**
 * The one name rule, as the admin CLI applies it (the portal's accounts.Names strips blanks first).
 */
class NameRuleTest {

  @Test
  void namesAreShortAndPlain() {
    assertTrue(NameRule.isValid("a"));
    assertTrue(NameRule.isValid("Bot_1.v-2"));
    assertTrue(NameRule.isValid("x".repeat(64)));
    assertFalse(NameRule.isValid(null));
    assertFalse(NameRule.isValid(""));
    assertFalse(NameRule.isValid("x".repeat(65)));
    assertFalse(NameRule.isValid("-starts-with-a-dash"));
    assertFalse(NameRule.isValid("has space"));
    assertFalse(NameRule.isValid(" padded"));
    assertFalse(NameRule.isValid("<b>"));
  }

  @Test
  void theCliSaysTheRuleInItsMessage() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class, () -> AdminCommands.checkName("bot", "no way"));
    assertEquals("bot name 'no way' must be " + NameRule.RULE, e.getMessage());
  }
}

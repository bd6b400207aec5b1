package org.botarena.db;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretsTest {

  @Test
  void tokensAreLongRandomAndStoredOnlyAsHashes() {
    String a = Secrets.newToken();
    String b = Secrets.newToken();
    assertNotEquals(a, b);
    assertTrue(a.length() >= Secrets.TOKEN_PREFIX.length() + 43, "256 bits in base64url");
    assertEquals(64, Secrets.tokenHash(a).length());
    assertEquals(Secrets.tokenHash(a), Secrets.tokenHash(a));
  }

  @Test
  void passwordsVerifyOnlyThemselves() {
    String stored = Secrets.hashPassword("correct horse");
    assertTrue(stored.startsWith("PBKDF2WithHmacSHA256:"));
    assertFalse(stored.contains("correct horse"));
    assertTrue(Secrets.verifyPassword("correct horse", stored));
    assertFalse(Secrets.verifyPassword("correct hors", stored));
  }

  @Test
  void theDatabaseNameComesFromTheUrl() {
    DatabaseSettings s =
        DatabaseSettings.from(Map.of("ARENA_DB_URL", "jdbc:postgresql://db.example:5433/cup"));
    assertEquals("cup", s.databaseName());
    assertEquals("jdbc:postgresql://db.example:5433/postgres", s.maintenanceUrl());
  }

  @Test
  void optionsAndFlagsAreParsed() {
    Map<String, String> options = new HashMap<>();
    var words = AdminMain.parse(new String[] {"add-bot", "--team", "t", "b1", "--reuse"}, options);
    assertEquals(java.util.List.of("add-bot", "b1"), words);
    assertEquals("t", options.get("team"));
    assertTrue(options.containsKey("reuse"));
    assertThrows(
        IllegalArgumentException.class,
        () -> AdminMain.parse(new String[] {"x", "--team"}, new HashMap<>()));
    assertThrows(IllegalArgumentException.class, () -> AdminCommands.checkName("bot", "no spaces"));
  }
}

package org.botarena.db;

import java.net.URI;
import java.util.Map;

/**
 * Where the database is: {@code ARENA_DB_URL}, {@code ARENA_DB_USER}, {@code ARENA_DB_PASSWORD}
 * (the same keys the application reads as {@code arena.db.url} etc.).
 */
public record DatabaseSettings(String url, String user, String password) {

  public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/arena";

  public static DatabaseSettings fromEnvironment() {
    return from(System.getenv());
  }

  static DatabaseSettings from(Map<String, String> env) {
    return new DatabaseSettings(
        env.getOrDefault("ARENA_DB_URL", DEFAULT_URL),
        env.getOrDefault("ARENA_DB_USER", "postgres"),
        env.getOrDefault("ARENA_DB_PASSWORD", "postgres"));
  }

  /** The database name from the URL, e.g. {@code arena}. */
  public String databaseName() {
    String path = URI.create(url.substring("jdbc:".length())).getPath();
    return path.substring(1);
  }

  /** The same server's maintenance database, from which ours can be created. */
  public String maintenanceUrl() {
    URI uri = URI.create(url.substring("jdbc:".length()));
    return "jdbc:" + uri.getScheme() + "://" + uri.getAuthority() + "/postgres";
  }
}

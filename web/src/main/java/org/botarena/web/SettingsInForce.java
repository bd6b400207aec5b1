package org.botarena.web;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.StreamSupport;
import org.eclipse.microprofile.config.Config;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The arena's rules in force on this instance (MicroProfile Config: file, system property or
 * environment), as the status API and the operations page show them: never credentials.
 */
final class SettingsInForce {

  private static final List<String> SHOWN =
      List.of(
          "arena.matchmaking.",
          "arena.ratings.",
          "arena.match.",
          "arena.step.",
          "arena.training.",
          "arena.session.",
          "arena.tournament.",
          "arena.retention.",
          "arena.replays.");

  private SettingsInForce() {}

  static Map<String, String> all() {
    Config config = ConfigProvider.getConfig();
    Map<String, String> settings = new TreeMap<>();
    StreamSupport.stream(config.getPropertyNames().spliterator(), false)
        .filter(key -> SHOWN.stream().anyMatch(key::startsWith))
        .forEach(
            key ->
                config
                    .getOptionalValue(key, String.class)
                    .ifPresent(value -> settings.put(key, value)));
    return settings;
  }
}

package org.botarena.systemtest;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.constructor.SafeConstructor;

/**
 * The security properties of docker/compose.yml and the images it builds, read as YAML (anchors and
 * merge keys resolved as Compose resolves them). No Compose v2 validator can be installed here:
 * Debian's docker-compose (1.29.2) knows neither the top-level {@code name} nor environment-sourced
 * secrets of the Compose Specification and rejects this file, and the client has no compose plugin.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComposeFileTest {

  /**
   * A value taken from the environment with no default: {@code ${NAME:?message}} or {@code
   * ${NAME?...}}.
   */
  private static final Pattern REQUIRED = Pattern.compile("\\$\\{[A-Z_][A-Z0-9_]*:?\\?[^}]*}");

  final Path docker = Path.of(System.getProperty("arena.root", "..")).resolve("docker");
  Map<String, Object> compose;
  Map<String, Map<String, Object>> services;

  @BeforeAll
  @SuppressWarnings("unchecked")
  void read() throws IOException {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(false);
    compose =
        new Yaml(new SafeConstructor(options))
            .load(Files.readString(docker.resolve("compose.yml")));
    services = (Map<String, Map<String, Object>>) compose.get("services");
    assertFalse(services == null || services.isEmpty(), "compose.yml has services");
  }

  @Test
  void noAnonymousBrokerAnywhereAndTheBrokerRequiresALogin() throws IOException {
    try (Stream<Path> files = Files.list(docker)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        String text = Files.readString(f);
        assertFalse(text.contains("--allow-anonymous"), f + " creates an anonymous broker");
        assertFalse(
            text.matches("(?s).*--password[ =]+(admin|arena|secret)\\b.*"),
            f + " has a literal broker password");
      }
    }
    assertTrue(
        Files.readString(docker.resolve("artemis-entrypoint.sh")).contains("--require-login"));
  }

  @Test
  @SuppressWarnings("unchecked")
  void passwordsAreSecretsWithNoDefault() {
    Map<String, Map<String, Object>> secrets =
        (Map<String, Map<String, Object>>) compose.get("secrets");
    for (String name : List.of("db_password", "broker_password")) {
      Map<String, Object> secret = secrets.get(name);
      assertTrue(
          secret != null && secret.get("environment") != null,
          name + " is a secret from the environment");
    }
    for (var service : services.entrySet()) {
      for (var variable : environment(service.getValue()).entrySet()) {
        String key = variable.getKey();
        String value = String.valueOf(variable.getValue());
        if (key.endsWith("_PASSWORD")) {
          assertTrue(
              REQUIRED.matcher(value).matches(),
              service.getKey()
                  + "'s "
                  + key
                  + " must come from the environment with no default: "
                  + value);
        }
        if (key.endsWith("_PASSWORD_FILE")) {
          assertTrue(
              value.startsWith("/run/secrets/"),
              service.getKey() + "'s " + key + " is a secret: " + value);
        }
        assertFalse(
            value.matches(".*\\$\\{[^}]*PASSWORD[^}]*:?-[^}]*}.*"),
            service.getKey() + ": a password with a default");
      }
    }
    assertEquals(List.of("db_password"), services.get("postgres").get("secrets"));
    assertTrue(environment(services.get("postgres")).containsKey("POSTGRES_PASSWORD_FILE"));
    assertEquals(List.of("broker_password"), services.get("artemis").get("secrets"));
    for (String micro : List.of("micro1", "micro2", "micro3")) {
      assertEquals(
          List.of("db_password", "broker_password"), services.get(micro).get("secrets"), micro);
    }
  }

  @Test
  void onlyTheProxyIsPublishedAndTheConsoleOnLocalhost() {
    List<String> published = new ArrayList<>();
    for (var service : services.entrySet()) {
      Object ports = service.getValue().get("ports");
      if (ports == null) {
        continue;
      }
      for (Object port : (List<?>) ports) {
        String p = String.valueOf(port);
        published.add(service.getKey() + " " + p);
        assertTrue(
            p.matches("(127\\.0\\.0\\.1|0\\.0\\.0\\.0):\\d+:\\d+"),
            "a port with its interface: " + p);
      }
    }
    assertEquals(
        List.of("artemis 127.0.0.1:8161:8161", "proxy 0.0.0.0:8080:80"),
        published.stream().sorted().toList(),
        "the database, the broker's 61616 and the instances are reached on the compose network"
            + " only");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> environment(Map<String, Object> service) {
    Object env = service.get("environment");
    return env instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }
}

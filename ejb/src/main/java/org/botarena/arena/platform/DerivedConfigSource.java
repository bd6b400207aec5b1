package org.botarena.arena.platform;

import java.util.Map;
import java.util.Set;
import org.eclipse.microprofile.config.spi.ConfigSource;

/**
 * Values composed from other settings, for places that take only one whole {@code ${MPCONFIG=key}}
 * (Payara does not expand an expression inside a longer activation-config string): the broker's
 * connection parameters from {@code arena.broker.host}/{@code port}, and the bot I/O selector from
 * {@code arena.instance.id}. Setting the composed keys directly wins.
 */
public class DerivedConfigSource implements ConfigSource {

  public static final String CONNECTION_PARAMETERS = "arena.broker.connection-parameters";
  public static final String IO_SELECTOR = "arena.io.selector";

  @Override
  public Set<String> getPropertyNames() {
    return Set.of(CONNECTION_PARAMETERS, IO_SELECTOR);
  }

  @Override
  public String getValue(String name) {
    return switch (name) {
      case CONNECTION_PARAMETERS ->
          "host="
              + plain("arena.broker.host", "127.0.0.1")
              + ";port="
              + plain("arena.broker.port", "61616");
      case IO_SELECTOR -> "instance = '" + plain("arena.instance.id", "instance-1") + "'";
      default -> null;
    };
  }

  /** A plain key from a system property or the environment (a config source cannot ask Config). */
  static String plain(String key, String fallback) {
    String value = System.getProperty(key);
    if (value == null) {
      value = System.getenv(key.toUpperCase(java.util.Locale.ROOT).replaceAll("[^A-Z0-9]", "_"));
    }
    return value == null || value.isBlank() ? fallback : value;
  }

  @Override
  public Map<String, String> getProperties() {
    return Map.of(
        CONNECTION_PARAMETERS, getValue(CONNECTION_PARAMETERS), IO_SELECTOR, getValue(IO_SELECTOR));
  }

  /** Above the bundled defaults (100), below system properties (400) and the environment (300). */
  @Override
  public int getOrdinal() {
    return 150;
  }

  @Override
  public String getName() {
    return "arena-derived";
  }
}

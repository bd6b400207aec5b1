package org.botarena.websocket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.net.URI;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The watch socket's handshake: the client's address (for the per-address cap) and an Origin check.
 * A browser sends the page's origin; a page of another site must not open a watch socket with the
 * visitor's session cookie (it would read their team's debug games and steer them). So the Origin's
 * host and port must be the Host the request came to (its host alone when the Host has no port, as
 * nginx's {@code $host} sends it), or one of {@code arena.ws.allowed-origins} (comma-separated,
 * e.g. {@code https://arena.example.org}, for a proxy that rewrites Host). A client without Origin
 * is no browser and has no visitor's cookie to abuse.
 */
public class WatchEndpointConfigurator extends ServerEndpointConfig.Configurator {

  static final String ALLOWED_ORIGINS = "arena.ws.allowed-origins";

  /** The user property saying the Origin was refused (the socket is then closed on open). */
  static final String FOREIGN_ORIGIN = "arena.watch.foreign-origin";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    SocketGuard.remember(
        config.getUserProperties(),
        request,
        request.getHeaders(),
        org.botarena.arena.security.ClientAddress.configured());
    String origin = header(request, "Origin");
    String host = header(request, "Host");
    List<String> allowed =
        Arrays.asList(
            ConfigProvider.getConfig()
                .getOptionalValue(ALLOWED_ORIGINS, String.class)
                .orElse("")
                .split("\\s*,\\s*"));
    if (allows(origin, host, allowed)) {
      config.getUserProperties().remove(FOREIGN_ORIGIN);
    } else {
      config.getUserProperties().put(FOREIGN_ORIGIN, String.valueOf(origin));
    }
  }

  /** Whether a watch socket with this Origin, sent to this Host, may open. */
  static boolean allows(String origin, String host, List<String> allowedOrigins) {
    if (origin == null || origin.isBlank()) {
      return true;
    }
    String o = origin.strip().toLowerCase(Locale.ROOT);
    if (allowedOrigins.stream()
        .anyMatch(a -> !a.isBlank() && a.strip().toLowerCase(Locale.ROOT).equals(o))) {
      return true;
    }
    if (host == null || "null".equals(o)) {
      return false;
    }
    try {
      URI uri = URI.create(o);
      if (uri.getHost() == null
          || !("http".equals(uri.getScheme()) || "https".equals(uri.getScheme()))) {
        return false;
      }
      int defaultPort = "https".equals(uri.getScheme()) ? 443 : 80;
      String h = host.strip().toLowerCase(Locale.ROOT);
      if (!h.contains(":") || h.endsWith("]")) {
        return h.equals(uri.getHost()); // a proxy's Host without its port (nginx's $host)
      }
      String originHost =
          uri.getHost()
              + (uri.getPort() < 0 || uri.getPort() == defaultPort ? "" : ":" + uri.getPort());
      return h.equals(originHost)
          || h.equals(uri.getHost() + ":" + (uri.getPort() < 0 ? defaultPort : uri.getPort()));
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  private static String header(HandshakeRequest request, String name) {
    for (var e : request.getHeaders().entrySet()) {
      if (e.getKey().equalsIgnoreCase(name) && !e.getValue().isEmpty()) {
        return e.getValue().get(0);
      }
    }
    return null;
  }
}

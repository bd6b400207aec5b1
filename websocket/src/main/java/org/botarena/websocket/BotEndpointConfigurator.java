package org.botarena.websocket;

import jakarta.websocket.HandshakeResponse;
import jakarta.websocket.server.HandshakeRequest;
import jakarta.websocket.server.ServerEndpointConfig;
import java.util.List;

/**
 * Keeps an {@code Authorization: Bearer} token and the client's address of the upgrade request for
 * the connection.
 */
public class BotEndpointConfigurator extends ServerEndpointConfig.Configurator {

  static final String BEARER = "arena.bearer";

  @Override
  public void modifyHandshake(
      ServerEndpointConfig config, HandshakeRequest request, HandshakeResponse response) {
    config.getUserProperties().remove(BEARER);
    SocketGuard.remember(
        config.getUserProperties(),
        request,
        request.getHeaders(),
        org.botarena.arena.security.ClientAddress.configured());
    List<String> auth = request.getHeaders().get("Authorization");
    if (auth == null) {
      auth = request.getHeaders().get("authorization");
    }
    if (auth != null && !auth.isEmpty() && auth.get(0).regionMatches(true, 0, "Bearer ", 0, 7)) {
      config.getUserProperties().put(BEARER, auth.get(0).substring(7).trim());
    }
  }
}

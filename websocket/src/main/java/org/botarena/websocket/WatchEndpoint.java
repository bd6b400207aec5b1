package org.botarena.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.PathParam;
import jakarta.websocket.server.ServerEndpoint;

/** {@code /arena/ws/watch/{game}}: a browser watching a game; the work is in {@link WatchHub}. */
@ServerEndpoint(value = "/ws/watch/{game}", configurator = WatchEndpointConfigurator.class)
public class WatchEndpoint {

  @Inject WatchHub hub;

  @OnOpen
  public void open(Session socket, EndpointConfig config, @PathParam("game") String game) {
    Object address = config.getUserProperties().remove(SocketGuard.ADDRESS);
    if (address != null) {
      socket.getUserProperties().put(SocketGuard.ADDRESS, address);
    }
    Object foreign = config.getUserProperties().remove(WatchEndpointConfigurator.FOREIGN_ORIGIN);
    hub.opened(socket, game, foreign == null ? null : foreign.toString());
  }

  /** Only a debug game's team sends anything: its controls. */
  @OnMessage
  public void message(Session socket, String text) {
    hub.control(socket, text);
  }

  @OnClose
  public void close(Session socket, CloseReason reason) {
    hub.closed(socket);
  }

  @OnError
  public void error(Session socket, Throwable error) {
    hub.closed(socket);
  }
}

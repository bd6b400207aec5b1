package org.botarena.websocket;

import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.OnClose;
import jakarta.websocket.OnError;
import jakarta.websocket.OnMessage;
import jakarta.websocket.OnOpen;
import jakarta.websocket.Session;
import jakarta.websocket.server.ServerEndpoint;
import java.nio.ByteBuffer;

/** {@code /arena/ws/bot}: the socket side of the gateway; everything else is in {@link Gateway}. */
@ServerEndpoint(value = "/ws/bot", configurator = BotEndpointConfigurator.class)
public class BotEndpoint {

  /**
   * Frames up to this size reach us and get a clear BAD_MESSAGE; bigger ones are cut off by the
   * container.
   */
  private static final int READ_BUFFER = 1 << 20;

  @Inject Gateway gateway;

  @OnOpen
  public void open(Session socket, EndpointConfig config) {
    socket.setMaxTextMessageBufferSize(READ_BUFFER);
    socket.setMaxBinaryMessageBufferSize(READ_BUFFER);
    Object bearer = config.getUserProperties().remove(BotEndpointConfigurator.BEARER);
    Object address = config.getUserProperties().remove(SocketGuard.ADDRESS);
    if (address != null) {
      socket.getUserProperties().put(SocketGuard.ADDRESS, address);
    }
    gateway.opened(socket, bearer == null ? null : bearer.toString());
  }

  @OnMessage
  public void text(Session socket, String text) {
    gateway.text(socket, text);
  }

  @OnMessage
  public void binary(Session socket, ByteBuffer bytes) {
    gateway.binary(socket);
  }

  @OnClose
  public void close(Session socket, CloseReason reason) {
    gateway.closed(socket);
  }

  @OnError
  public void error(Session socket, Throwable error) {
    gateway.failed(socket, error);
  }
}

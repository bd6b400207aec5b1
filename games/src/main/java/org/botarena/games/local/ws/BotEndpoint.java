package org.botarena.games.local.ws;

import jakarta.websocket.CloseReason;
import jakarta.websocket.Endpoint;
import jakarta.websocket.EndpointConfig;
import jakarta.websocket.Session;
import java.nio.ByteBuffer;
import org.botarena.protocol.Limits;

/** The WebSocket endpoint: one {@link BotConnection} per session. */
public final class BotEndpoint extends Endpoint {

  private final BotLobby lobby;
  private BotConnection connection;

  BotEndpoint(BotLobby lobby) {
    this.lobby = lobby;
  }

  @Override
  public void onOpen(Session session, EndpointConfig config) {
    // bigger than the protocol's limit, so that BotConnection can answer BAD_MESSAGE itself
    session.setMaxTextMessageBufferSize(4 * Limits.MAX_FRAME_BYTES);
    connection = new BotConnection(session, lobby);
    session.addMessageHandler(String.class, connection::onText);
    session.addMessageHandler(ByteBuffer.class, bytes -> connection.onBinary());
    lobby.opened(connection);
  }

  @Override
  public void onClose(Session session, CloseReason reason) {
    connection.closed();
  }

  @Override
  public void onError(Session session, Throwable error) {
    connection.closed();
  }
}

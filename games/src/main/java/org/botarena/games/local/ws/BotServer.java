package org.botarena.games.local.ws;

import jakarta.websocket.DeploymentException;
import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import java.util.Map;
import org.glassfish.tyrus.spi.ServerContainer;
import org.glassfish.tyrus.spi.ServerContainerFactory;

/** Tyrus (Grizzly) serving the bot endpoint at {@code /arena/ws/bot}. */
public final class BotServer implements AutoCloseable {

  public static final String CONTEXT = "/arena";
  public static final String PATH = "/ws/bot";

  private final ServerContainer container;
  private final int port;

  private BotServer(ServerContainer container, int port) {
    this.container = container;
    this.port = port;
  }

  /** Starts listening on {@code port} (Tyrus's Grizzly container binds every interface). */
  public static BotServer start(int port, BotLobby lobby) throws IOException {
    ServerEndpointConfig endpoint = ServerEndpointConfig.Builder.create(BotEndpoint.class, PATH)
        .configurator(new ServerEndpointConfig.Configurator() {
          @Override
          public <T> T getEndpointInstance(Class<T> type) {
            return type.cast(new BotEndpoint(lobby));
          }
        })
        .build();
    ServerContainer container = ServerContainerFactory.createServerContainer(Map.of());
    try {
      container.addEndpoint(endpoint);
      container.start(CONTEXT, port);
    } catch (DeploymentException e) {
      throw new IOException("cannot start the WebSocket server on port " + port + ": "
          + e.getMessage(), e);
    }
    return new BotServer(container, port);
  }

  public String url() {
    return "ws://localhost:" + port + CONTEXT + PATH;
  }

  @Override
  public void close() {
    container.stop();
  }
}

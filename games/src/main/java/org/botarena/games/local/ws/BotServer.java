package org.botarena.games.local.ws;

import jakarta.websocket.server.ServerEndpointConfig;
import java.io.IOException;
import org.eclipse.jetty.ee10.servlet.ServletContextHandler;
import org.eclipse.jetty.ee10.websocket.jakarta.server.config.JakartaWebSocketServletContainerInitializer;
import org.eclipse.jetty.server.Server;
import org.eclipse.jetty.server.ServerConnector;

/**
 * Jetty serving the bot endpoint at {@code /arena/ws/bot} on one address: 127.0.0.1 unless told
 * otherwise, so that a student's laptop does not offer its runner to the network.
 */
public final class BotServer implements AutoCloseable {

  public static final String CONTEXT = "/arena";
  public static final String PATH = "/ws/bot";
  public static final String LOOPBACK = "127.0.0.1";

  private final Server server;
  private final String host;
  private final int port;
  private final BotLobby lobby;

  private BotServer(Server server, String host, int port, BotLobby lobby) {
    this.server = server;
    this.host = host;
    this.port = port;
    this.lobby = lobby;
  }

  /** Listens on 127.0.0.1:{@code port}. */
  public static BotServer start(int port, BotLobby lobby) throws IOException {
    return start(LOOPBACK, port, lobby);
  }

  /**
   * Listens on {@code host} ({@code 0.0.0.0}: every interface) and {@code port} (0: any free one).
   */
  public static BotServer start(String host, int port, BotLobby lobby) throws IOException {
    ServerEndpointConfig endpoint =
        ServerEndpointConfig.Builder.create(BotEndpoint.class, PATH)
            .configurator(
                new ServerEndpointConfig.Configurator() {
                  @Override
                  public <T> T getEndpointInstance(Class<T> type) {
                    return type.cast(new BotEndpoint(lobby));
                  }
                })
            .build();
    Server server = new Server();
    ServerConnector connector = new ServerConnector(server);
    connector.setHost(host);
    connector.setPort(port);
    server.addConnector(connector);
    ServletContextHandler context = new ServletContextHandler(CONTEXT);
    server.setHandler(context);
    JakartaWebSocketServletContainerInitializer.configure(
        context, (servletContext, container) -> container.addEndpoint(endpoint));
    try {
      server.start();
    } catch (Exception e) {
      try {
        server.stop();
      } catch (Exception ignored) {
        // it did not start
      }
      throw new IOException(
          "cannot start the WebSocket server on " + host + ":" + port + ": " + e.getMessage(), e);
    }
    return new BotServer(server, host, connector.getLocalPort(), lobby);
  }

  public String url() {
    String shown = host.equals(LOOPBACK) || host.equals("0.0.0.0") ? "localhost" : host;
    return "ws://" + shown + ":" + port + CONTEXT + PATH;
  }

  @Override
  public void close() {
    lobby.closeAll("the runner is done");
    try {
      server.stop();
    } catch (Exception e) {
      // stopping: nothing left to do
    }
  }
}

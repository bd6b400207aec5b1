package org.botarena.games.local.ws;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.net.Inet4Address;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.NetworkInterface;
import java.net.Socket;
import java.util.Collections;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The local runner's server listens on loopback unless told otherwise (a student's laptop on
 * Wi-Fi).
 */
class BotServerTest {

  private static Optional<InetAddress> nonLoopbackAddress() throws IOException {
    for (NetworkInterface nic : Collections.list(NetworkInterface.getNetworkInterfaces())) {
      if (nic.isUp() && !nic.isLoopback()) {
        for (InetAddress address : Collections.list(nic.getInetAddresses())) {
          if (address instanceof Inet4Address) {
            return Optional.of(address);
          }
        }
      }
    }
    return Optional.empty();
  }

  private static boolean accepts(InetAddress address, int port) {
    try (Socket socket = new Socket()) {
      socket.connect(new InetSocketAddress(address, port), 2000);
      return true;
    } catch (IOException e) {
      return false;
    }
  }

  @Test
  void byDefaultOnlyLoopbackIsServed() throws Exception {
    Optional<InetAddress> outside = nonLoopbackAddress();
    assumeTrue(outside.isPresent(), "this machine has no address besides loopback");
    try (BotLobby lobby = new BotLobby(new PrintStream(OutputStream.nullOutputStream()));
        BotServer server = BotServer.start(0, lobby)) {
      int port = Integer.parseInt(server.url().replaceAll(".*:(\\d+)/.*", "$1"));
      assertTrue(accepts(InetAddress.getLoopbackAddress(), port));
      assertFalse(accepts(outside.get(), port), "not reachable on " + outside.get());
    }
    try (BotLobby lobby = new BotLobby(new PrintStream(OutputStream.nullOutputStream()));
        BotServer server = BotServer.start("0.0.0.0", 0, lobby)) {
      int port = Integer.parseInt(server.url().replaceAll(".*:(\\d+)/.*", "$1"));
      assertTrue(accepts(outside.get(), port), "--host 0.0.0.0 serves every interface");
    }
  }
}

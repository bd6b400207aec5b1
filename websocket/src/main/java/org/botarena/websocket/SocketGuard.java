package org.botarena.websocket;

import jakarta.websocket.Session;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Map;
import org.botarena.arena.security.AddressCap;
import org.botarena.arena.security.ClientAddress;

/**
 * Caps the sockets one client address holds open on this instance (an unauthenticated socket costs
 * a connection, a buffer and a hello timer; 200 of them from one address all opened). The address
 * is the handshake's, or a trusted proxy's {@code X-Forwarded-For} ({@link ClientAddress}), kept in
 * the socket's user properties by the endpoints' configurators.
 */
final class SocketGuard {

  /** The user property with the client's address (set at the handshake). */
  static final String ADDRESS = "arena.client.address";

  /**
   * Present while the socket holds a slot, so that a slot is given back once (close and error both
   * end a socket).
   */
  private static final String COUNTED = "arena.client.counted";

  private final AddressCap cap;

  SocketGuard(int maxPerAddress) {
    cap = new AddressCap(maxPerAddress);
  }

  /** Takes a slot for the socket's address; false when the address has its cap of sockets open. */
  boolean admit(Session socket) {
    String address = address(socket);
    if (!cap.open(address)) {
      return false;
    }
    socket.getUserProperties().put(COUNTED, address);
    return true;
  }

  void release(Session socket) {
    Object address = socket.getUserProperties().remove(COUNTED);
    if (address != null) {
      cap.close((String) address);
    }
  }

  int max() {
    return cap.max();
  }

  static String address(Session socket) {
    Object address = socket.getUserProperties().get(ADDRESS);
    return address != null ? address.toString() : remoteAddress(socket);
  }

  /** At the handshake: the client's address, for {@link #ADDRESS}. */
  static void remember(
      Map<String, Object> properties,
      Object handshake,
      Map<String, List<String>> headers,
      ClientAddress clients) {
    String remote = remoteAddress(handshake);
    List<String> forwarded = headers.get("X-Forwarded-For");
    if (forwarded == null) {
      forwarded = headers.get("x-forwarded-for");
    }
    if (remote != null) {
      properties.put(ADDRESS, clients.of(remote, forwarded));
    } else {
      properties.remove(ADDRESS);
    }
  }

  /**
   * The connection's address: Jakarta WebSocket has no call for it, Tyrus (Payara's) has {@code
   * getRemoteAddr()} on its handshake request and its session; null where neither has it.
   */
  static String remoteAddress(Object handshakeOrSession) {
    try {
      Method m = handshakeOrSession.getClass().getMethod("getRemoteAddr");
      Object address = m.invoke(handshakeOrSession);
      return address == null ? null : address.toString();
    } catch (ReflectiveOperationException | RuntimeException e) {
      return null;
    }
  }
}

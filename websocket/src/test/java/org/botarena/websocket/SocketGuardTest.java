package org.botarena.websocket;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import jakarta.websocket.Session;
import java.lang.reflect.Proxy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.botarena.arena.security.ClientAddress;
import org.junit.jupiter.api.Test;

/**
 * Before: 200 unauthenticated bot sockets from one address all opened; watch sockets had no cap
 * either.
 */
class SocketGuardTest {

  @Test
  void oneAddressHoldsAtMostTheCapAndASlotComesBackOnce() {
    SocketGuard guard = new SocketGuard(3);
    List<Session> mine =
        List.of(socket("198.51.100.1"), socket("198.51.100.1"), socket("198.51.100.1"));
    mine.forEach(s -> assertTrue(guard.admit(s)));
    Session fourth = socket("198.51.100.1");
    assertFalse(guard.admit(fourth), "the fourth from one address");
    assertTrue(guard.admit(socket("198.51.100.2")), "another address");
    guard.release(fourth); // refused, so it gives nothing back
    assertFalse(guard.admit(socket("198.51.100.1")));
    guard.release(mine.get(0));
    guard.release(mine.get(0)); // its error and its close both end it: one slot back
    assertTrue(guard.admit(socket("198.51.100.1")));
    assertFalse(guard.admit(socket("198.51.100.1")));
  }

  @Test
  void theHandshakeKeepsTheClientsAddressBehindATrustedProxyOnly() {
    Map<String, Object> properties = new HashMap<>();
    Object handshake =
        new Object() {
          @SuppressWarnings("unused")
          public String getRemoteAddr() {
            return "127.0.0.1";
          }
        };
    Map<String, List<String>> headers = Map.of("X-Forwarded-For", List.of("203.0.113.9"));
    SocketGuard.remember(properties, handshake, headers, new ClientAddress(""));
    assertEquals(
        "127.0.0.1", properties.get(SocketGuard.ADDRESS), "no proxy trusted (the default)");
    SocketGuard.remember(properties, handshake, headers, new ClientAddress("127.0.0.1"));
    assertEquals("203.0.113.9", properties.get(SocketGuard.ADDRESS), "the proxy says who it is");
    assertEquals("127.0.0.1", SocketGuard.remoteAddress(handshake));
  }

  @Test
  void aWatchSocketFromAnotherSitesPageIsRefused() {
    List<String> none = List.of("");
    assertTrue(WatchEndpointConfigurator.allows("http://localhost:8080", "localhost:8080", none));
    assertTrue(
        WatchEndpointConfigurator.allows("https://arena.example.org", "arena.example.org", none));
    assertTrue(
        WatchEndpointConfigurator.allows(
            "https://arena.example.org", "arena.example.org:443", none));
    assertTrue(
        WatchEndpointConfigurator.allows(null, "localhost:8080", none), "no Origin: not a browser");
    assertFalse(WatchEndpointConfigurator.allows("http://evil.example", "localhost:8080", none));
    assertFalse(WatchEndpointConfigurator.allows("http://localhost:9999", "localhost:8080", none));
    assertFalse(WatchEndpointConfigurator.allows("null", "localhost:8080", none));
    assertTrue(
        WatchEndpointConfigurator.allows(
            "http://arena.example.org:8080", "arena.example.org", none),
        "behind nginx, whose $host has no port");
    assertFalse(
        WatchEndpointConfigurator.allows("http://evil.example:8080", "arena.example.org", none));
    assertTrue(
        WatchEndpointConfigurator.allows(
            "https://arena.example.org", "10.0.0.5:8080", List.of("https://arena.example.org")),
        "a proxy that rewrites Host: the configured origin");
  }

  static Session socket(String address) {
    Map<String, Object> properties = new HashMap<>();
    properties.put(SocketGuard.ADDRESS, address);
    return (Session)
        Proxy.newProxyInstance(
            Session.class.getClassLoader(),
            new Class<?>[] {Session.class},
            (proxy, method, args) ->
                switch (method.getName()) {
                  case "getUserProperties" -> properties;
                  case "hashCode" -> System.identityHashCode(proxy);
                  case "equals" -> proxy == args[0];
                  default -> null;
                });
  }
}

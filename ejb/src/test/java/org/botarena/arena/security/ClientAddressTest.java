package org.botarena.arena.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Before: every sign-in was counted by the connection's address, the proxy's for all clients behind
 * it.
 */
class ClientAddressTest {

  @Test
  void forwardedForIsHonouredOnlyFromATrustedProxy() {
    ClientAddress none = new ClientAddress("");
    assertEquals(
        "203.0.113.7",
        none.of("203.0.113.7", List.of("1.2.3.4")),
        "nobody trusted: the header is a lie");

    ClientAddress proxy = new ClientAddress("10.0.0.0/8, ::1, 192.168.1.5");
    assertEquals("198.51.100.1", proxy.of("10.1.2.3", List.of("198.51.100.1")));
    assertEquals("198.51.100.1", proxy.of("::1", List.of("198.51.100.1")));
    assertEquals(
        "198.51.100.1",
        proxy.of("192.168.1.5", List.of("6.6.6.6, 198.51.100.1", "10.9.9.9")),
        "the rightmost untrusted hop: what the client prepended is ignored");
    assertEquals("192.168.1.6", proxy.of("192.168.1.6", List.of("198.51.100.1")), "not that proxy");
    assertEquals("10.1.2.3", proxy.of("10.1.2.3", null), "no header: the proxy itself");
    assertEquals("10.2.2.2", proxy.of("10.1.2.3", List.of("10.2.2.2")), "only proxies: the first");
    assertEquals("not-an-ip", proxy.of("10.1.2.3", List.of("not-an-ip")));
  }

  @Test
  void rangesAreCheckedBitByBit() {
    ClientAddress c = new ClientAddress("172.16.0.0/12,2001:db8::/32");
    assertTrue(c.isTrusted("172.31.255.255"));
    assertFalse(c.isTrusted("172.32.0.1"));
    assertTrue(c.isTrusted("2001:db8::5"));
    assertFalse(c.isTrusted("2001:db9::5"));
    assertFalse(c.isTrusted("example.org"), "never a DNS lookup");
    assertThrows(IllegalArgumentException.class, () -> new ClientAddress("proxy.example.org"));
    assertThrows(IllegalArgumentException.class, () -> new ClientAddress("10.0.0.0/33"));
  }

  @Test
  void aCapCountsOpenConnectionsPerAddress() {
    AddressCap cap = new AddressCap(2);
    assertTrue(cap.open("a"));
    assertTrue(cap.open("a"));
    assertFalse(cap.open("a"), "the third from one address");
    assertTrue(cap.open("b"));
    cap.close("a");
    assertTrue(cap.open("a"));
    assertEquals(3, cap.open());
    assertTrue(new AddressCap(0).open("a"), "0: no cap");
  }
}

package org.botarena.arena.security;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.ConfigProvider;

/**
 * The client's address as the throttle and the socket caps count it. {@code X-Forwarded-For} is
 * honoured only when the connection comes from a trusted proxy ({@code arena.trusted-proxies}: a
 * comma-separated list of addresses or CIDR ranges, empty by default): then the address is the
 * rightmost one in the header that is not a trusted proxy itself (a client can prepend anything,
 * only what the proxies appended is true). From anyone else the header is ignored.
 */
public final class ClientAddress {

  public static final String TRUSTED_PROXIES = "arena.trusted-proxies";
  private static final Pattern LITERAL = Pattern.compile("[0-9A-Fa-f:.]{2,45}(/\\d{1,3})?");

  private final List<Range> trusted;

  public ClientAddress(String trustedProxies) {
    List<Range> ranges = new ArrayList<>();
    if (trustedProxies != null) {
      for (String item : trustedProxies.split(",")) {
        if (!item.isBlank()) {
          ranges.add(Range.parse(item.strip()));
        }
      }
    }
    trusted = List.copyOf(ranges);
  }

  /**
   * As configured (MicroProfile Config); read each time, it is cheap and may change on restart
   * only.
   */
  public static ClientAddress configured() {
    return new ClientAddress(
        ConfigProvider.getConfig().getOptionalValue(TRUSTED_PROXIES, String.class).orElse(""));
  }

  /**
   * The client of a connection from {@code remote} carrying these {@code X-Forwarded-For} values
   * (may be null).
   */
  public String of(String remote, List<String> forwardedFor) {
    if (remote == null || !isTrusted(remote) || forwardedFor == null) {
      return remote;
    }
    List<String> hops = new ArrayList<>();
    for (String header : forwardedFor) {
      for (String hop : header.split(",")) {
        if (!hop.isBlank()) {
          hops.add(hop.strip());
        }
      }
    }
    for (int i = hops.size() - 1; i >= 0; i--) {
      String hop = hops.get(i);
      if (!LITERAL.matcher(hop).matches()) {
        return hop.length() > 64
            ? hop.substring(0, 64)
            : hop; // garbage a proxy passed on: a client of its own
      }
      if (!isTrusted(hop)) {
        return hop;
      }
    }
    return hops.isEmpty() ? remote : hops.get(0);
  }

  public boolean isTrusted(String address) {
    byte[] bytes = Range.bytes(address);
    return bytes != null && trusted.stream().anyMatch(r -> r.contains(bytes));
  }

  /** An address or a CIDR range. */
  private record Range(byte[] network, int bits) {
    static Range parse(String text) {
      int slash = text.indexOf('/');
      byte[] address = bytes(slash < 0 ? text : text.substring(0, slash));
      if (address == null) {
        throw new IllegalArgumentException(
            TRUSTED_PROXIES + ": not an IP address or CIDR range: " + text);
      }
      int bits = slash < 0 ? address.length * 8 : Integer.parseInt(text.substring(slash + 1));
      if (bits < 0 || bits > address.length * 8) {
        throw new IllegalArgumentException(TRUSTED_PROXIES + ": bad prefix length in " + text);
      }
      return new Range(address, bits);
    }

    boolean contains(byte[] address) {
      if (address.length != network.length) {
        return false;
      }
      for (int i = 0; i < bits; i++) {
        int mask = 0x80 >> (i % 8);
        if ((address[i / 8] & mask) != (network[i / 8] & mask)) {
          return false;
        }
      }
      return true;
    }

    /** An IP literal's bytes, or null; never a DNS lookup (only literals get this far). */
    static byte[] bytes(String literal) {
      if (literal == null || !LITERAL.matcher(literal).matches() || literal.contains("/")) {
        return null;
      }
      try {
        return InetAddress.getByName(literal).getAddress();
      } catch (UnknownHostException e) {
        return null;
      }
    }
  }
}

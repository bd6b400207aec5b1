package org.botarena.arena.security;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Open connections per client address on this instance, with a cap: {@link #open} takes a slot
 * (false when the address has {@code max} already), {@link #close} gives it back. A cap of 0 or
 * less means no cap.
 */
public final class AddressCap {

  private final int max;
  private final Map<String, Integer> open = new ConcurrentHashMap<>();

  public AddressCap(int max) {
    this.max = max;
  }

  public boolean open(String address) {
    if (max <= 0) {
      return true;
    }
    boolean[] taken = {false};
    open.compute(
        key(address),
        (a, n) -> {
          int now = n == null ? 0 : n;
          if (now >= max) {
            return n;
          }
          taken[0] = true;
          return now + 1;
        });
    return taken[0];
  }

  public void close(String address) {
    if (max > 0) {
      open.computeIfPresent(key(address), (a, n) -> n <= 1 ? null : n - 1);
    }
  }

  public int open() {
    return open.values().stream().mapToInt(Integer::intValue).sum();
  }

  public int max() {
    return max;
  }

  private static String key(String address) {
    return address == null ? "unknown" : address;
  }
}

package org.botarena.protocol;

import java.util.Optional;

/** The close codes a server ends a bot's socket with, and whether a client should connect again. */
public enum CloseCode {

  /**
   * No or a wrong token, no hello in time, or the token was revoked: connecting again cannot help.
   */
  AUTH_FAILED(4001, false),
  /** Another protocol version, or repeated bad frames. */
  PROTOCOL_ABUSE(4002, false),
  /** A newer connection of the same bot took over: the newer one plays on. */
  REPLACED(4003, false),
  /**
   * WebSocket's "policy violation": too many sockets from the bot's address; connect again later.
   */
  TOO_MANY_SOCKETS(1008, true),
  /** WebSocket's "internal error": the server failed (its database away?); connect again. */
  TRY_AGAIN(1011, true);

  private final int code;
  private final boolean reconnect;

  CloseCode(int code, boolean reconnect) {
    this.code = code;
    this.reconnect = reconnect;
  }

  /** The number on the wire. */
  public int code() {
    return code;
  }

  /** Whether a client closed with this code should connect again (with backoff). */
  public boolean reconnect() {
    return reconnect;
  }

  /** The protocol's close code of that number; empty for any other (a network close: reconnect). */
  public static Optional<CloseCode> of(int code) {
    for (CloseCode c : values()) {
      if (c.code == code) {
        return Optional.of(c);
      }
    }
    return Optional.empty();
  }

  /**
   * Whether a client closed with {@code code} (a protocol code or any other) should connect again.
   */
  public static boolean reconnectAfter(int code) {
    return of(code).map(CloseCode::reconnect).orElse(true);
  }
}

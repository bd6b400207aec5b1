package org.botarena.websocket;

import jakarta.websocket.CloseReason;

/** The protocol's close codes. */
final class CloseCodes {

  static final int AUTH_FAILED = 4001;
  static final int PROTOCOL_ABUSE = 4002;
  static final int REPLACED = 4003;
  /** WebSocket's "internal error": the server failed (its database away?); connect again. */
  static final int TRY_AGAIN = 1011;

  private CloseCodes() {}

  static CloseReason reason(int code, String text) {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), text);
  }
}

package org.botarena.websocket;

import jakarta.websocket.CloseReason;

/** The protocol's close codes. */
final class CloseCodes {

  static final int AUTH_FAILED = 4001;
  static final int PROTOCOL_ABUSE = 4002;
  static final int REPLACED = 4003;

  private CloseCodes() {}

  static CloseReason reason(int code, String text) {
    return new CloseReason(CloseReason.CloseCodes.getCloseCode(code), text);
  }
}

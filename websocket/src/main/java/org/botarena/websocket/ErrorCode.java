package org.botarena.websocket;

/** The protocol's error codes (PROTOCOL.md). */
enum ErrorCode {
  AUTH_FAILED, UNSUPPORTED_PROTOCOL, REPLACED, BAD_MESSAGE, RATE_LIMITED, STALE_ACTION,
  INVALID_ACTION, TIMEOUT, INTERNAL
}

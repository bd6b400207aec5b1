package org.botarena.protocol;

/**
 * The protocol's error codes (PROTOCOL.md, "Error codes"): the {@code code} of an {@code error}
 * frame.
 */
public enum ErrorCode {
  AUTH_FAILED,
  UNSUPPORTED_PROTOCOL,
  REPLACED,
  BAD_MESSAGE,
  RATE_LIMITED,
  STALE_ACTION,
  INVALID_ACTION,
  TIMEOUT,
  INTERNAL
}

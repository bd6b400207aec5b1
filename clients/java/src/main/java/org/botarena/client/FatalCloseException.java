package org.botarena.client;

/** The server closed the connection for a reason that reconnecting would not fix (4001-4003). */
public final class FatalCloseException extends RuntimeException {

  private final int code;

  FatalCloseException(int code, String reason, String lastError) {
    super("closed " + code + " (" + reason + ")" + (lastError == null ? "" : ": " + lastError));
    this.code = code;
  }

  /** 4001 authentication failed, 4002 protocol violation, 4003 replaced by another connection. */
  public int code() {
    return code;
  }
}

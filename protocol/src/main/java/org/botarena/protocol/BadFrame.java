package org.botarena.protocol;

/** A frame that breaks the contract: the {@code error} a server answers it with says why. */
public final class BadFrame extends Exception {

  private final ErrorCode code;

  public BadFrame(ErrorCode code, String message) {
    super(message, null, false, false);
    this.code = code;
  }

  public ErrorCode code() {
    return code;
  }
}

package org.botarena.protocol;

/** The limits of protocol version 1 (PROTOCOL.md), the same for every server that speaks it. */
public final class Limits {

  /** The protocol version this codec speaks ({@code hello.protocol}, {@code welcome.protocol}). */
  public static final int PROTOCOL = 1;

  /** A frame larger than this, in UTF-8 bytes, is refused. */
  public static final int MAX_FRAME_BYTES = 64 * 1024;

  /** Seconds a new socket has to send its hello. */
  public static final int HELLO_SECONDS = 5;

  /** Seconds a bot has to answer {@code ready?}. */
  public static final int READY_SECONDS = 5;

  /** Frames a bot may send in a second; more are {@code RATE_LIMITED}. */
  public static final int MAX_FRAMES_PER_SECOND = 200;

  /** Missed deadlines in a row that forfeit a game, unless its config says otherwise. */
  public static final int DEFAULT_MAX_TIMEOUTS = 3;

  private Limits() {}

  /**
   * Whether {@code text} is over {@link #MAX_FRAME_BYTES} in UTF-8, counted without encoding it.
   */
  public static boolean tooLarge(String text) {
    if (text.length() > MAX_FRAME_BYTES) {
      return true;
    }
    if (text.length() * 3 <= MAX_FRAME_BYTES) {
      return false; // at most 3 bytes per char: cannot be over, whatever it holds
    }
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3; // a pair is 4
    }
    return bytes > MAX_FRAME_BYTES;
  }
}

package org.botarena.protocol;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/** Every frame type of a bot's socket, by its {@code type} on the wire and who sends it. */
public enum FrameType {
  HELLO("hello", true),
  READY("ready", true),
  ACTION("action", true),
  PING("ping", true),
  WELCOME("welcome", false),
  READY_QUESTION("ready?", false),
  GAME_START("game_start", false),
  STEP("step", false),
  GAME_END("game_end", false),
  MESSAGE("message", false),
  ERROR("error", false),
  PONG("pong", false);

  private static final Map<String, FrameType> BY_WIRE = new HashMap<>();

  static {
    for (FrameType t : values()) {
      BY_WIRE.put(t.wire, t);
    }
  }

  private final String wire;
  private final boolean fromBot;

  FrameType(String wire, boolean fromBot) {
    this.wire = wire;
    this.fromBot = fromBot;
  }

  /** The {@code type} field's value. */
  public String wire() {
    return wire;
  }

  /** Whether bots send it (else the server does). */
  public boolean fromBot() {
    return fromBot;
  }

  public static Optional<FrameType> of(String wire) {
    return Optional.ofNullable(BY_WIRE.get(wire));
  }
}

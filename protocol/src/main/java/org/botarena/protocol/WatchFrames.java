package org.botarena.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The frames of an observer's socket ({@code /arena/ws/watch/{game}}, PROTOCOL.md "Observers"):
 * what the runner and the watch hub send browsers, built once for both.
 */
public final class WatchFrames {

  private WatchFrames() {}

  /** The {@code type} of an observer's frames, and of a watcher's one frame ({@code control}). */
  public enum Type {
    HEADER("header"),
    FRAME("frame"),
    GAME_END("game_end"),
    REWIND("rewind"),
    DEBUG("debug"),
    ERROR("error"),
    CONTROL("control");

    private final String wire;

    Type(String wire) {
      this.wire = wire;
    }

    public String wire() {
      return wire;
    }

    /** The type of that wire name, or null. */
    public static Type of(String wire) {
      for (Type t : values()) {
        if (t.wire.equals(wire)) {
          return t;
        }
      }
      return null;
    }
  }

  /** The game's header, first on every observer socket. */
  public static String header(String game, String gameType, String state, List<String> players) {
    ObjectNode header =
        Json.object()
            .put("type", Type.HEADER.wire())
            .put("game", game)
            .put("game_type", gameType)
            .put("state", state);
    players.forEach(header.putArray("players")::add);
    return Json.write(header);
  }

  /** The state after step {@code seq} (0: the start) and the actions applied in it, by spot. */
  public static String frame(String game, int seq, Map<Integer, JsonNode> actions, JsonNode state) {
    ObjectNode frame =
        Json.object().put("type", Type.FRAME.wire()).put("game", game).put("seq", seq);
    ObjectNode applied = frame.putObject("actions");
    new TreeMap<>(actions).forEach((spot, action) -> applied.set(spot.toString(), action));
    frame.set("state", state);
    return Json.write(frame);
  }

  /** How the game ended ({@code outcome} null and {@code dropped} if it was called off). */
  public static String end(String game, JsonNode outcome, boolean dropped) {
    ObjectNode end =
        Json.object().put("type", Type.GAME_END.wire()).put("game", game).put("dropped", dropped);
    if (outcome != null) {
      end.set("outcome", outcome);
    }
    return Json.write(end);
  }

  /** A debug game went back to step {@code seq}: its state; the later frames are gone. */
  public static String rewind(String game, int seq, JsonNode state) {
    ObjectNode frame =
        Json.object().put("type", Type.REWIND.wire()).put("game", game).put("seq", seq);
    frame.set("state", state);
    return Json.write(frame);
  }

  /**
   * A debug game's controls: whether it is held, whether a step waits for actions, steps played.
   */
  public static String debugStatus(String game, boolean paused, boolean awaiting, int steps) {
    return Json.write(
        Json.object()
            .put("type", Type.DEBUG.wire())
            .put("game", game)
            .put("paused", paused)
            .put("awaiting", awaiting)
            .put("seq", steps));
  }

  /**
   * An observer's error: {@code NOT_FOUND}, {@code FORBIDDEN}, {@code NOT_RUNNING}, {@code
   * BAD_MESSAGE}.
   */
  public static String error(String code, String message) {
    return Json.write(
        Json.object().put("type", Type.ERROR.wire()).put("code", code).put("message", message));
  }

  /**
   * The {@code type} and {@code seq} of an observer frame built here (seq -1 where it has none).
   */
  public record Kind(Type type, int seq) {}

  /** What an observer frame from a runner is, so that the watch hub can order and keep it. */
  public static Kind kindOf(String frame) {
    JsonNode parsed = Json.parse(frame);
    return new Kind(Type.of(parsed.path("type").asText()), parsed.path("seq").asInt(-1));
  }

  /**
   * A watcher's control of a debug game: {@code command} pause, resume, step, stop or rewind (lower
   * case, as sent), {@code seq} the step to go back to (-1 when not given).
   */
  public record Control(String command, long seq) {}

  /** Reads a watcher's {@code {"type":"control","command":...,"seq":n}}. */
  public static Control control(String text) throws BadFrame {
    JsonNode frame;
    try {
      frame = Json.parse(text);
    } catch (IllegalArgumentException e) {
      throw new BadFrame(ErrorCode.BAD_MESSAGE, "not JSON: " + e.getMessage());
    }
    JsonNode command = frame.path("command");
    if (Type.of(frame.path("type").asText()) != Type.CONTROL || !command.isTextual()) {
      throw new BadFrame(ErrorCode.BAD_MESSAGE, CONTROL_SHAPE);
    }
    JsonNode seq = frame.get("seq");
    if (seq != null && (!seq.isIntegralNumber() || seq.asLong() < 0)) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE, "'seq' is the step to go back to: 0 (the start) or more");
    }
    return new Control(command.asText(), seq == null ? -1 : seq.asLong());
  }

  /** What observers may send. */
  public static final String CONTROL_SHAPE =
      "observers send only {\"type\":\"control\",\"command\":"
          + "\"pause\"|\"resume\"|\"step\"|\"stop\"|\"rewind\",\"seq\":n}";
}

package org.botarena.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Reads the text of a frame into a {@link Frame}, checking it against the contract: size, JSON, a
 * known {@code type} sent in the right direction, and the fields that type needs. What breaks it is
 * a {@link BadFrame} whose message the server sends back.
 */
public final class FrameCodec {

  private FrameCodec() {}

  /** A frame a bot sent (hello, ready, action, ping). */
  public static Frame fromBot(String text) throws BadFrame {
    JsonNode f = object(text);
    FrameType type = type(f, true);
    return switch (type) {
      case HELLO ->
          new Frame.Hello(
              f.path("protocol").canConvertToInt() && f.path("protocol").isIntegralNumber()
                  ? f.get("protocol").intValue()
                  : -1,
              textOrNull(f, "token"),
              textOrNull(f, "client"),
              games(f));
      case READY -> ready(f);
      case ACTION -> action(f);
      case PING -> new Frame.Ping();
      default -> throw new IllegalStateException(type.toString());
    };
  }

  /** A frame the server sent (what a client reads). */
  public static Frame fromServer(String text) throws BadFrame {
    JsonNode f = object(text);
    FrameType type = type(f, false);
    return switch (type) {
      case WELCOME ->
          new Frame.Welcome(
              f.path("protocol").asInt(),
              text(f, "session"),
              f.path("bot").path("id").asLong(),
              f.path("bot").path("name").asText(""),
              f.path("bot").path("team").asText(""));
      case READY_QUESTION -> new Frame.ReadyQuestion(integral(f, "id"));
      case GAME_START ->
          new Frame.GameStart(
              text(f, "game"),
              text(f, "game_type"),
              spots(f),
              texts(f, "opponents"),
              f.path("config").isObject() ? f.get("config") : Json.object());
      case STEP ->
          new Frame.Step(
              text(f, "game"),
              (int) integral(f, "spot"),
              integral(f, "seq"),
              f.path("observation"),
              f.path("deadline_ms").asLong(0));
      case GAME_END ->
          new Frame.GameEnd(
              text(f, "game"),
              text(f, "result"),
              text(f, "reason"),
              scores(f),
              f.path("stats").isObject() ? f.get("stats") : Json.object());
      case MESSAGE -> new Frame.Message(f.path("text").asText(""));
      case ERROR ->
          new Frame.Error(text(f, "code"), f.path("message").asText(""), textOrNull(f, "game"));
      case PONG -> new Frame.Pong();
      default -> throw new IllegalStateException(type.toString());
    };
  }

  private static JsonNode object(String text) throws BadFrame {
    if (Limits.tooLarge(text)) {
      throw new BadFrame(ErrorCode.BAD_MESSAGE, "frame larger than 64 KiB");
    }
    JsonNode f;
    try {
      // NaN in an action is the game's business (INVALID_ACTION), not a malformed frame
      f = Json.parseAllowingNonFinite(text);
    } catch (IllegalArgumentException e) {
      throw new BadFrame(ErrorCode.BAD_MESSAGE, "not JSON: " + e.getMessage());
    }
    if (f == null || !f.isObject() || !f.path("type").isTextual()) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE, "a frame must be a JSON object with a string 'type'");
    }
    return f;
  }

  private static FrameType type(JsonNode f, boolean fromBot) throws BadFrame {
    String wire = f.get("type").asText();
    FrameType type = FrameType.of(wire).orElse(null);
    if (type == null || type.fromBot() != fromBot) {
      throw new BadFrame(ErrorCode.BAD_MESSAGE, "unknown type '" + wire + "'");
    }
    return type;
  }

  private static Frame.Ready ready(JsonNode f) throws BadFrame {
    JsonNode ready = f.get("ready");
    JsonNode id = f.get("id");
    if (ready == null
        || !ready.isBoolean()
        || (id != null && !id.isNull() && !id.isIntegralNumber())) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE, "ready needs a boolean 'ready' (and 'id', if given, an integer)");
    }
    return new Frame.Ready(id == null || id.isNull() ? null : id.longValue(), ready.booleanValue());
  }

  private static Frame.Action action(JsonNode f) throws BadFrame {
    JsonNode game = f.get("game");
    JsonNode spot = f.get("spot");
    JsonNode seq = f.get("seq");
    if (game == null
        || !game.isTextual()
        || spot == null
        || !spot.isIntegralNumber()
        || !spot.canConvertToInt()
        || seq == null
        || !seq.isIntegralNumber()
        || !seq.canConvertToLong()
        || !f.has("action")) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE,
          "action needs 'game' (string), 'spot' and 'seq' (integers) and 'action'");
    }
    return new Frame.Action(game.asText(), spot.intValue(), seq.longValue(), f.get("action"));
  }

  private static String text(JsonNode f, String field) throws BadFrame {
    JsonNode v = f.get(field);
    if (v == null || !v.isTextual()) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE, f.get("type").asText() + " needs a string '" + field + "'");
    }
    return v.asText();
  }

  /**
   * Hello's optional {@code games}: absent or null is every training arena (null); else a non-empty
   * array of game names, each once (repeats are dropped).
   */
  private static List<String> games(JsonNode f) throws BadFrame {
    JsonNode games = f.get("games");
    if (games == null || games.isNull()) {
      return null;
    }
    java.util.Set<String> names = new java.util.LinkedHashSet<>();
    if (games.isArray()) {
      for (JsonNode g : games) {
        if (!g.isTextual() || g.asText().isBlank()) {
          names = null;
          break;
        }
        names.add(g.asText());
      }
    }
    if (!games.isArray() || names == null || names.isEmpty()) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE,
          "hello's 'games', if given, is a non-empty list of game names, e.g. [\"rps\"]");
    }
    return List.copyOf(names);
  }

  /**
   * The text of the {@code BAD_MESSAGE} error (then closed with 4002) for a hello whose {@code
   * games} names games the server does not play ({@code refused}); {@code served} are the ones it
   * does.
   */
  public static String gamesRefused(
      java.util.Collection<String> refused, java.util.Collection<String> served) {
    return "hello's 'games' names "
        + String.join(", ", refused)
        + ": no training arena here; this server's are "
        + String.join(", ", served);
  }

  private static String textOrNull(JsonNode f, String field) {
    JsonNode v = f.get(field);
    return v != null && v.isTextual() ? v.asText() : null;
  }

  private static long integral(JsonNode f, String field) throws BadFrame {
    JsonNode v = f.get(field);
    if (v == null || !v.isIntegralNumber() || !v.canConvertToLong()) {
      throw new BadFrame(
          ErrorCode.BAD_MESSAGE, f.get("type").asText() + " needs an integer '" + field + "'");
    }
    return v.longValue();
  }

  private static List<Integer> spots(JsonNode f) throws BadFrame {
    List<Integer> spots = new ArrayList<>();
    for (JsonNode s : f.path("spots")) {
      if (!s.canConvertToInt()) {
        throw new BadFrame(ErrorCode.BAD_MESSAGE, "game_start needs integer 'spots'");
      }
      spots.add(s.intValue());
    }
    return spots;
  }

  private static List<String> texts(JsonNode f, String field) {
    List<String> texts = new ArrayList<>();
    f.path(field).forEach(t -> texts.add(t.asText()));
    return texts;
  }

  private static Map<Integer, Double> scores(JsonNode f) {
    Map<Integer, Double> scores = new TreeMap<>();
    f.path("scores")
        .fields()
        .forEachRemaining(
            e -> {
              try {
                scores.put(Integer.parseInt(e.getKey()), e.getValue().asDouble());
              } catch (NumberFormatException notASpot) {
                // a newer server's extra key: not ours to read
              }
            });
    return scores;
  }
}

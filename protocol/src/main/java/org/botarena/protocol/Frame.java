package org.botarena.protocol;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * One frame of protocol version 1 (PROTOCOL.md). Each kind builds its own JSON text ({@link
 * #json}); {@link FrameCodec} reads text back into these, checking the contract.
 */
public sealed interface Frame {

  FrameType type();

  /** The frame as a JSON object. */
  ObjectNode node();

  /** The frame as the text sent on the socket. */
  default String json() {
    return Json.write(node());
  }

  private static ObjectNode typed(FrameType type) {
    return Json.object().put("type", type.wire());
  }

  /**
   * The bot's first frame; {@code token} may be null when it came as a bearer header. {@code games}
   * names the training games the bot wants (each once, at least one); null, the field absent: every
   * training arena.
   */
  record Hello(int protocol, String token, String client, List<String> games) implements Frame {
    public Hello {
      games = games == null ? null : List.copyOf(games);
    }

    public Hello(int protocol, String token, String client) {
      this(protocol, token, client, null);
    }

    public Hello(String token, String client) {
      this(Limits.PROTOCOL, token, client);
    }

    @Override
    public FrameType type() {
      return FrameType.HELLO;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("protocol", protocol);
      if (token != null) {
        n.put("token", token);
      }
      if (client != null) {
        n.put("client", client);
      }
      if (games != null) {
        games.forEach(n.putArray("games")::add);
      }
      return n;
    }
  }

  record Welcome(int protocol, String session, long botId, String botName, String team)
      implements Frame {
    public Welcome(String session, long botId, String botName, String team) {
      this(Limits.PROTOCOL, session, botId, botName, team);
    }

    @Override
    public FrameType type() {
      return FrameType.WELCOME;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("protocol", protocol).put("session", session);
      n.putObject("bot").put("id", botId).put("name", botName).put("team", team);
      return n;
    }
  }

  record ReadyQuestion(long id) implements Frame {
    @Override
    public FrameType type() {
      return FrameType.READY_QUESTION;
    }

    @Override
    public ObjectNode node() {
      return typed(type()).put("id", id);
    }
  }

  /** The answer to {@code ready?} {@code id}, or (id null) a bot's own change of mind. */
  record Ready(Long id, boolean ready) implements Frame {
    @Override
    public FrameType type() {
      return FrameType.READY;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type());
      if (id != null) {
        n.put("id", id);
      }
      return n.put("ready", ready);
    }
  }

  /** A game starts; {@code config} holds the game's keys and {@link PlatformConfig}'s. */
  record GameStart(
      String game, String gameType, List<Integer> spots, List<String> opponents, JsonNode config)
      implements Frame {
    public GameStart {
      spots = List.copyOf(spots);
      opponents = List.copyOf(opponents);
    }

    /** The config without the platform's keys: what the game type is configured with. */
    public JsonNode gameConfig() {
      return PlatformConfig.gameConfig(config);
    }

    @Override
    public FrameType type() {
      return FrameType.GAME_START;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("game", game).put("game_type", gameType);
      spots.forEach(n.putArray("spots")::add);
      opponents.forEach(n.putArray("opponents")::add);
      n.set("config", config);
      return n;
    }
  }

  record Step(String game, int spot, long seq, JsonNode observation, long deadlineMs)
      implements Frame {
    @Override
    public FrameType type() {
      return FrameType.STEP;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("game", game).put("spot", spot).put("seq", seq);
      n.set("observation", observation);
      return n.put("deadline_ms", deadlineMs);
    }

    /** The answer to this step. */
    public Action answer(JsonNode action) {
      return new Action(game, spot, seq, action);
    }
  }

  /** A bot's action; it may hold NaN or Infinity, which the game then refuses as invalid. */
  record Action(String game, int spot, long seq, JsonNode action) implements Frame {
    @Override
    public FrameType type() {
      return FrameType.ACTION;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("game", game).put("spot", spot).put("seq", seq);
      n.set("action", action);
      return n;
    }

    @Override
    public String json() {
      return Json.writeAllowingNonFinite(node());
    }
  }

  /**
   * How a game ended for the bot: {@code result} win/loss/draw/aborted, {@code reason}
   * normal/disconnect/timeout/invalid_action/dropped.
   */
  record GameEnd(
      String game, String result, String reason, Map<Integer, Double> scores, JsonNode stats)
      implements Frame {
    public GameEnd {
      scores = new TreeMap<>(scores);
    }

    /** A game called off (its runner died, or it ran too long): nobody won. */
    public static GameEnd aborted(String game, JsonNode stats) {
      return new GameEnd(game, "aborted", "dropped", Map.of(), stats);
    }

    /**
     * A game called off because a bot was gone before it played a step (it did not come back within
     * the grace period): nobody won, and it is not rated.
     */
    public static GameEnd calledOff(String game, JsonNode stats) {
      return new GameEnd(game, "aborted", "disconnect", Map.of(), stats);
    }

    @Override
    public FrameType type() {
      return FrameType.GAME_END;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("game", game).put("result", result).put("reason", reason);
      ObjectNode s = n.putObject("scores");
      scores.forEach((spot, score) -> s.put(spot.toString(), score));
      n.set("stats", stats == null ? Json.object() : stats);
      return n;
    }
  }

  /** Words for the bot's human. */
  record Message(String text) implements Frame {
    @Override
    public FrameType type() {
      return FrameType.MESSAGE;
    }

    @Override
    public ObjectNode node() {
      return typed(type()).put("text", text);
    }
  }

  /** An error; {@code game} is null unless it concerns one game. {@code code} is kept as sent. */
  record Error(String code, String message, String game) implements Frame {
    public Error(ErrorCode code, String message, String game) {
      this(code.name(), message, game);
    }

    public Error(ErrorCode code, String message) {
      this(code.name(), message, null);
    }

    /** Whether this is an error of that code. */
    public boolean is(ErrorCode code) {
      return code.name().equals(this.code);
    }

    @Override
    public FrameType type() {
      return FrameType.ERROR;
    }

    @Override
    public ObjectNode node() {
      ObjectNode n = typed(type()).put("code", code).put("message", message);
      return game == null ? n : n.put("game", game);
    }
  }

  record Ping() implements Frame {
    @Override
    public FrameType type() {
      return FrameType.PING;
    }

    @Override
    public ObjectNode node() {
      return typed(type());
    }
  }

  record Pong() implements Frame {
    @Override
    public FrameType type() {
      return FrameType.PONG;
    }

    @Override
    public ObjectNode node() {
      return typed(type());
    }
  }
}

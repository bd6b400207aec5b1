package org.botarena.protocol;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Every frame reads back as it was built, and what breaks the contract gets its error code. */
class FrameCodecTest {

  @Test
  void serverFramesReadBackAsBuilt() throws BadFrame {
    List<Frame> frames =
        List.of(
            new Frame.Welcome("s-1", 7, "bot", "team"),
            new Frame.ReadyQuestion(3),
            new Frame.GameStart(
                "g",
                "simple",
                List.of(0, 1),
                List.of("other"),
                PlatformConfig.told(Json.object().put("target", 10), 2000, 3)),
            new Frame.Step("g", 1, 5, Json.array().add(1).add(2), 2000),
            new Frame.GameEnd(
                "g", "win", "normal", Map.of(0, 10.0, 1, 8.0), Json.object().put("steps", 4)),
            new Frame.Message("hi"),
            new Frame.Error(ErrorCode.STALE_ACTION, "late", "g"),
            new Frame.Error(ErrorCode.BAD_MESSAGE, "no"),
            new Frame.Pong());
    for (Frame frame : frames) {
      assertEquals(frame, FrameCodec.fromServer(frame.json()), frame.json());
    }
  }

  @Test
  void botFramesReadBackAsBuilt() throws BadFrame {
    List<Frame> frames =
        List.of(
            new Frame.Hello("t0k3n", "arena-py/0.1"),
            new Frame.Hello(1, null, null),
            new Frame.Hello(1, "t", "c", List.of("hockey", "rps")),
            new Frame.Ready(4L, true),
            new Frame.Ready(null, false),
            new Frame.Action("g", 0, 9, Json.array().add(0.5).add(-1)),
            new Frame.Ping());
    for (Frame frame : frames) {
      assertEquals(frame, FrameCodec.fromBot(frame.json()), frame.json());
    }
  }

  @Test
  void helloMayNameTheTrainingGamesItWants() throws BadFrame {
    Frame.Hello any = (Frame.Hello) FrameCodec.fromBot("{\"type\":\"hello\",\"protocol\":1}");
    assertEquals(null, any.games(), "absent: every training arena");
    assertEquals(
        null,
        ((Frame.Hello) FrameCodec.fromBot("{\"type\":\"hello\",\"protocol\":1,\"games\":null}"))
            .games());
    Frame.Hello some =
        (Frame.Hello)
            FrameCodec.fromBot(
                "{\"type\":\"hello\",\"protocol\":1,\"games\":[\"rps\",\"hockey\",\"rps\"]}");
    assertEquals(List.of("rps", "hockey"), some.games(), "in order, each once");
    for (String bad : List.of("[]", "\"rps\"", "[1]", "[\"\"]", "{}")) {
      assertBad(
          ErrorCode.BAD_MESSAGE,
          "hello's 'games', if given, is a non-empty list of game names",
          "{\"type\":\"hello\",\"protocol\":1,\"games\":" + bad + "}");
    }
  }

  @Test
  void aNonFiniteActionIsAFrameForTheGameToRefuse() throws BadFrame {
    Frame.Action action =
        (Frame.Action)
            FrameCodec.fromBot(
                "{\"type\":\"action\",\"game\":\"g\",\"spot\":0,\"seq\":1,\"action\":[NaN,Infinity]}");
    assertTrue(Json.hasNonFinite(action.action()));
    assertTrue(action.json().contains("NaN"), "written back bare, as it came");
  }

  @Test
  void aGameStartSeparatesThePlatformKeysFromTheGames() {
    Frame.GameStart start =
        new Frame.GameStart(
            "g",
            "hockey",
            List.of(0),
            List.of("x"),
            PlatformConfig.told(Json.object().put("max_steps", 250), 2000, 3));
    assertEquals(Json.object().put("max_steps", 250), start.gameConfig());
    assertEquals(2000, start.config().get(PlatformConfig.DEADLINE_MS).asInt());
    assertEquals(3, start.config().get(PlatformConfig.MAX_TIMEOUTS).asInt());
  }

  @Test
  void whatBreaksTheContractSaysWhy() {
    assertBad(ErrorCode.BAD_MESSAGE, "not JSON", "nonsense");
    assertBad(ErrorCode.BAD_MESSAGE, "a JSON object", "[1]");
    assertBad(ErrorCode.BAD_MESSAGE, "a JSON object", "{\"type\":7}");
    assertBad(ErrorCode.BAD_MESSAGE, "unknown type 'dance'", "{\"type\":\"dance\"}");
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "unknown type 'step'",
        "{\"type\":\"step\"}"); // the server's, not a bot's
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "64 KiB",
        "{\"type\":\"ping\",\"x\":\"" + "x".repeat(70_000) + "\"}");
    assertBad(
        ErrorCode.BAD_MESSAGE, "ready needs a boolean", "{\"type\":\"ready\",\"ready\":\"yes\"}");
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "ready needs a boolean",
        "{\"type\":\"ready\",\"ready\":true,\"id\":1.5}");
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "action needs",
        "{\"type\":\"action\",\"game\":7,\"spot\":0,\"seq\":1,\"action\":[1]}");
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "action needs",
        "{\"type\":\"action\",\"game\":\"g\",\"spot\":0.5,\"seq\":1,\"action\":[1]}");
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "action needs",
        "{\"type\":\"action\",\"game\":\"g\",\"spot\":0,\"seq\":1}");
    assertBad(
        ErrorCode.BAD_MESSAGE,
        "nesting",
        "{\"type\":\"ping\",\"x\":" + "[".repeat(100) + "]".repeat(100) + "}");
  }

  @Test
  void helloKeepsAnotherVersionForTheServerToRefuse() throws BadFrame {
    assertEquals(
        2, ((Frame.Hello) FrameCodec.fromBot("{\"type\":\"hello\",\"protocol\":2}")).protocol());
    assertEquals(
        -1,
        ((Frame.Hello) FrameCodec.fromBot("{\"type\":\"hello\",\"protocol\":\"1\"}")).protocol());
  }

  @Test
  void closeCodesSayWhetherToReconnect() {
    assertFalse(CloseCode.reconnectAfter(4001));
    assertFalse(CloseCode.reconnectAfter(4003));
    assertTrue(CloseCode.reconnectAfter(1011));
    assertTrue(CloseCode.reconnectAfter(1006), "a network close");
    assertEquals(CloseCode.REPLACED, CloseCode.of(4003).orElseThrow());
  }

  @Test
  void observersFramesAndControls() throws BadFrame {
    String frame =
        WatchFrames.frame(
            "g", 3, Map.of(1, Json.array().add(2), 0, Json.array().add(1)), Json.object());
    assertEquals(new WatchFrames.Kind(WatchFrames.Type.FRAME, 3), WatchFrames.kindOf(frame));
    assertTrue(frame.contains("\"actions\":{\"0\":[1],\"1\":[2]}"), frame);
    assertEquals(
        new WatchFrames.Kind(WatchFrames.Type.GAME_END, -1),
        WatchFrames.kindOf(WatchFrames.end("g", null, true)));
    assertEquals(
        new WatchFrames.Control("rewind", 4),
        WatchFrames.control("{\"type\":\"control\",\"command\":\"rewind\",\"seq\":4}"));
    assertEquals(
        new WatchFrames.Control("pause", -1),
        WatchFrames.control("{\"type\":\"control\",\"command\":\"pause\"}"));
    assertThrows(
        BadFrame.class,
        () -> WatchFrames.control("{\"type\":\"control\",\"command\":\"step\",\"seq\":-2}"));
    assertThrows(BadFrame.class, () -> WatchFrames.control("{\"type\":\"dance\"}"));
    assertThrows(BadFrame.class, () -> WatchFrames.control("{"));
  }

  private static void assertBad(ErrorCode code, String says, String text) {
    BadFrame e = assertThrows(BadFrame.class, () -> FrameCodec.fromBot(text), text);
    assertEquals(code, e.code());
    assertTrue(e.getMessage().contains(says), e.getMessage());
  }
}

package org.botarena.games.local.ws;

import com.fasterxml.jackson.databind.JsonNode;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import org.botarena.games.local.Contestant.ContestantGone;
import org.botarena.protocol.BadFrame;
import org.botarena.protocol.CloseCode;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.FrameCodec;
import org.botarena.protocol.Limits;

/**
 * One bot's connection: the protocol's session rules (hello within 5 s, ping/pong, actions matched
 * to the step they answer by game, spot and seq), with the codec's checks and errors as the
 * server's gateway has them. There are no tokens here: any hello is welcome.
 */
public final class BotConnection {

  private final Session session;
  private final BotLobby lobby;
  private final Map<String, CompletableFuture<JsonNode>> pending = new ConcurrentHashMap<>();
  private volatile String name;

  /** The token it said hello with: a player's name ({@code p1}) claims that player's seat. */
  private volatile String claim;

  private volatile boolean closed;

  BotConnection(Session session, BotLobby lobby) {
    this.session = session;
    this.lobby = lobby;
  }

  /** The bot's name: what it said in {@code client}, or its session id. */
  public String name() {
    return name == null ? "bot" : name;
  }

  /** The token of its hello, or null. */
  String claim() {
    return claim;
  }

  public boolean welcomed() {
    return name != null;
  }

  public boolean open() {
    return !closed && session.isOpen();
  }

  void onText(String text) {
    Frame frame;
    try {
      frame = FrameCodec.fromBot(text);
    } catch (BadFrame e) {
      send(new Frame.Error(e.code(), e.getMessage()));
      return;
    }
    if (!welcomed()) {
      if (frame instanceof Frame.Hello hello) {
        hello(hello);
      } else {
        send(new Frame.Error(ErrorCode.BAD_MESSAGE, "the first frame must be hello"));
      }
      return;
    }
    if (frame instanceof Frame.Ping) {
      send(new Frame.Pong());
    } else if (frame instanceof Frame.Ready ready) {
      lobby.readyAnswered(this, ready.ready());
    } else if (frame instanceof Frame.Action action) {
      action(action);
    } else {
      send(new Frame.Error(ErrorCode.BAD_MESSAGE, "hello was already received"));
    }
  }

  void onBinary() {
    send(
        new Frame.Error(
            ErrorCode.BAD_MESSAGE, "binary frames are not part of the protocol; send JSON text"));
  }

  private void hello(Frame.Hello hello) {
    if (hello.protocol() != Limits.PROTOCOL) {
      send(
          new Frame.Error(
              ErrorCode.UNSUPPORTED_PROTOCOL, "this runner speaks protocol " + Limits.PROTOCOL));
      close(CloseCode.PROTOCOL_ABUSE, "unsupported protocol");
      return;
    }
    String served = lobby.gameType();
    if (hello.games() != null && served != null && !hello.games().contains(served)) {
      // as the server's gateway: a bot that wants no game played here would wait for good
      send(
          new Frame.Error(
              ErrorCode.BAD_MESSAGE, FrameCodec.gamesRefused(hello.games(), List.of(served))));
      close(CloseCode.PROTOCOL_ABUSE, "unknown game");
      return;
    }
    claim = hello.token();
    String client = hello.client() == null ? "" : hello.client();
    name = client.isBlank() ? "bot-" + session.getId().substring(0, 6) : client;
    send(new Frame.Welcome(UUID.randomUUID().toString(), 0, name, "local"));
    lobby.welcomed(this);
  }

  private void action(Frame.Action action) {
    CompletableFuture<JsonNode> waiting =
        pending.remove(key(action.game(), action.spot(), action.seq()));
    if (waiting == null) {
      send(
          new Frame.Error(
              ErrorCode.STALE_ACTION,
              "no step " + action.seq() + " of spot " + action.spot() + " is waiting for an action",
              action.game()));
      return;
    }
    waiting.complete(action.action());
  }

  /** Sends a step and returns the future its action will complete. */
  CompletableFuture<JsonNode> ask(Frame.Step step) {
    CompletableFuture<JsonNode> answer = new CompletableFuture<>();
    if (!open()) {
      answer.completeExceptionally(new ContestantGone(name() + " is disconnected"));
      return answer;
    }
    pending.put(key(step.game(), step.spot(), step.seq()), answer);
    send(step);
    return answer;
  }

  /** Forgets a step whose deadline passed, so that its late action is STALE_ACTION. */
  void expire(String game, int spot, long seq) {
    pending.remove(key(game, spot, seq));
  }

  private static String key(String game, int spot, long seq) {
    return game + "/" + spot + "/" + seq;
  }

  /** Sends one frame; the basic remote is not safe for concurrent senders. */
  void send(Frame frame) {
    if (!open()) {
      return;
    }
    synchronized (session) {
      try {
        session.getBasicRemote().sendText(frame.json());
      } catch (IOException | IllegalStateException e) {
        closed();
      }
    }
  }

  /** A normal close (1000): the series is over. */
  void closeNormally(String reason) {
    close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, reason));
  }

  void close(CloseCode code, String reason) {
    close(new CloseReason(CloseReason.CloseCodes.getCloseCode(code.code()), reason));
  }

  private void close(CloseReason reason) {
    try {
      session.close(reason);
    } catch (IOException | IllegalStateException e) {
      // already gone
    }
    closed();
  }

  /** Fails every step still waiting, once. */
  void closed() {
    if (closed) {
      return;
    }
    closed = true;
    pending
        .values()
        .forEach(f -> f.completeExceptionally(new ContestantGone(name() + " disconnected")));
    pending.clear();
    lobby.gone(this);
  }
}

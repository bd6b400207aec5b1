package org.botarena.websocket;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedScheduledExecutorService;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.application.BotDirectory;
import org.botarena.arena.application.BotIdentity;
import org.botarena.arena.application.SessionRegistry;
import org.botarena.arena.domain.bot.BotSession;
import org.botarena.arena.infrastructure.InstanceIdentity;
import org.botarena.arena.infrastructure.NamedThreads;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.LocalEndpoints;
import org.botarena.arena.play.LocalGateway;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.games.Json;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/** The bot gateway of this instance: the protocol's session rules (PROTOCOL.md). */
@ApplicationScoped
public class Gateway implements LocalGateway {

  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());
  static final int PROTOCOL = 1;
  static final int MAX_FRAME = 64 * 1024;
  static final int HELLO_SECONDS = 5;
  /** After a failure to record a bot's ready, the wait before asking it again. */
  static final int ASK_AGAIN_SECONDS = 2;

  @Resource ManagedScheduledExecutorService executor;
  @Resource ManagedThreadFactory threads;
  @Inject BotDirectory directory;
  @Inject SessionRegistry sessions;
  @Inject InstanceIdentity instance;
  @Inject LocalEndpoints endpoints;
  @Inject BotIo io;
  @Inject MetricRegistry metrics;
  @Inject WatchHub watchers;

  private final Map<String, BotConnection> bySocket = new ConcurrentHashMap<>();
  private final Map<Long, BotConnection> byBot = new ConcurrentHashMap<>();
  /** Ends closed connections' sessions: database work, kept off the default executor's one thread. */
  private ScheduledExecutorService closing;

  /** Called once by {@link GatewayStartup} when the web module starts. */
  void start() {
    closing = NamedThreads.executor(threads, "arena-gateway-close", 2);
    endpoints.register(this);
    metrics.gauge(Metadata.builder().withName("arena.bots.connected")
        .withDescription("bots connected to this instance").build(), byBot, Map::size);
  }

  void opened(Session socket, String bearer) {
    BotConnection c = new BotConnection(socket, bearer);
    bySocket.put(socket.getId(), c);
    executor.schedule(() -> {
      if (!c.authenticated()) {
        c.sendAndClose(error(ErrorCode.AUTH_FAILED, "no hello within " + HELLO_SECONDS + " s", null),
            CloseCodes.reason(CloseCodes.AUTH_FAILED, "no hello"));
      }
    }, HELLO_SECONDS, TimeUnit.SECONDS);
  }

  void text(Session socket, String text) {
    BotConnection c = bySocket.get(socket.getId());
    if (c == null) {
      return;
    }
    if (!c.rate.allow(System.currentTimeMillis())) {
      abuse(c, ErrorCode.RATE_LIMITED, "more than 200 frames a second; this frame was ignored");
      return;
    }
    if (tooLarge(text)) {
      abuse(c, ErrorCode.BAD_MESSAGE, "frame larger than 64 KiB");
      return;
    }
    JsonNode frame;
    try {
      // NaN in an action is the game's business (INVALID_ACTION), not a malformed frame
      frame = Json.parseAllowingNonFinite(text);
    } catch (IllegalArgumentException e) {
      abuse(c, ErrorCode.BAD_MESSAGE, "not JSON: " + e.getMessage());
      return;
    }
    if (!frame.isObject() || !frame.path("type").isTextual()) {
      abuse(c, ErrorCode.BAD_MESSAGE, "a frame must be a JSON object with a string 'type'");
      return;
    }
    try {
      dispatch(c, frame);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "frame from " + name(c) + " failed", e);
      c.send(error(ErrorCode.INTERNAL, "the server could not handle this frame", null));
    }
  }

  private void dispatch(BotConnection c, JsonNode frame) {
    String type = frame.get("type").asText();
    if (!c.authenticated() && !type.equals("hello")) {
      abuse(c, ErrorCode.BAD_MESSAGE, "the first frame must be hello");
      return;
    }
    switch (type) {
      case "hello" -> hello(c, frame);
      case "ready" -> ready(c, frame);
      case "action" -> action(c, frame);
      case "ping" -> c.send("{\"type\":\"pong\"}");
      default -> abuse(c, ErrorCode.BAD_MESSAGE, "unknown type '" + type + "'");
    }
  }

  private void hello(BotConnection c, JsonNode frame) {
    if (c.authenticated()) {
      abuse(c, ErrorCode.BAD_MESSAGE, "hello was already received");
      return;
    }
    if (frame.path("protocol").asInt(-1) != PROTOCOL) {
      c.sendAndClose(error(ErrorCode.UNSUPPORTED_PROTOCOL, "this server speaks protocol " + PROTOCOL, null),
          CloseCodes.reason(CloseCodes.PROTOCOL_ABUSE, "unsupported protocol"));
      return;
    }
    String token = frame.path("token").isTextual() ? frame.get("token").asText() : c.bearerToken;
    BotIdentity bot;
    try {
      bot = token == null ? null : directory.authenticate(token).orElse(null);
    } catch (RuntimeException e) {
      // not the token's fault: a 4001 would stop the bot for good, so it is asked to come again
      tryAgain(c, "could not check a token", e);
      return;
    }
    if (bot == null) {
      c.sendAndClose(error(ErrorCode.AUTH_FAILED,
              token == null ? "no token: send it in hello or as Authorization: Bearer" : "unknown or revoked token", null),
          CloseCodes.reason(CloseCodes.AUTH_FAILED, "auth failed"));
      return;
    }
    SessionRegistry.Opened opened;
    try {
      opened = sessions.open(c.sessionId, bot.botId(), instance.id());
    } catch (RuntimeException e) {
      // no session, no welcome: the bot would wait for good; closed, it connects again (SDKs do)
      tryAgain(c, "could not open a session for " + bot.name(), e);
      return;
    }
    // only now: an older connection keeps the bot's frames until its session was replaced
    c.bot = bot;
    BotConnection older = byBot.put(bot.botId(), c);
    Map<String, String> running = opened.running();
    BotSession previous = opened.replaced().orElse(null);
    if (older != null && older != c) {
      older.replaced = true;
      older.sendAndClose(error(ErrorCode.REPLACED, "a newer connection of this bot took over", null),
          CloseCodes.reason(CloseCodes.REPLACED, "replaced"));
    } else if (previous != null && !instance.isMe(previous.getInstance())) {
      io.toBot(previous.getInstance(), new ToBot(bot.botId(), null, null, ToBot.Kind.ERROR, REPLACED_ELSEWHERE));
    }
    // games in progress continue on this connection
    running.forEach((game, runner) -> {
      c.games.put(game, runner);
      io.toRunner(runner, ToRunner.rebind(game, bot.botId(), instance.id()));
    });
    ObjectNode welcome = Json.object().put("type", "welcome").put("protocol", PROTOCOL)
        .put("session", c.sessionId.toString());
    welcome.putObject("bot").put("id", bot.botId()).put("name", bot.name()).put("team", bot.team());
    c.send(Json.write(welcome));
    if (!running.isEmpty()) {
      c.send(message("resuming " + running.size() + " game(s) in progress on this connection"));
    }
    askReady(c);
    LOG.fine(() -> "bot " + bot.name() + " connected (session " + c.sessionId + ")");
  }

  /** The server failed on a hello (its database away?): closed with 1011, and the bot connects again. */
  private static void tryAgain(BotConnection c, String what, RuntimeException e) {
    LOG.log(Level.WARNING, what + "; closed with " + CloseCodes.TRY_AGAIN, e);
    c.sendAndClose(error(ErrorCode.INTERNAL, "the server failed on your hello; connect again", null),
        CloseCodes.reason(CloseCodes.TRY_AGAIN, "try again"));
  }

  private static void askReady(BotConnection c) {
    c.send(Json.write(Json.object().put("type", "ready?").put("id", c.readyQuestions.incrementAndGet())));
  }

  @Override
  public void sessionsForgotten() {
    int restored = 0;
    for (BotConnection c : byBot.values()) {
      try {
        if (sessions.restore(c.sessionId, c.bot.botId(), instance.id())) {
          askReady(c);
          restored++;
        }
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not restore the session of bot " + c.bot.name(), e);
      }
    }
    int count = restored;
    LOG.warning(() -> "the cluster had forgotten this instance; " + count + " bots' sessions restored and asked ready? again");
  }

  /** Sent to a bot whose token was revoked or rotated ({@link BotCutOff}); the socket closes with 4001. */
  static final String TOKEN_REVOKED = "{\"type\":\"error\",\"code\":\"AUTH_FAILED\",\"message\":\"this bot's token was revoked or rotated\"}";

  /** Marks a takeover sent to the instance that held the older connection. */
  static final String REPLACED_ELSEWHERE = "{\"type\":\"error\",\"code\":\"REPLACED\",\"message\":\"a newer connection of this bot took over\"}";

  private void ready(BotConnection c, JsonNode frame) {
    JsonNode ready = frame.get("ready");
    JsonNode id = frame.get("id");
    if (ready == null || !ready.isBoolean() || (id != null && !id.isNull() && !id.isIntegralNumber())) {
      abuse(c, ErrorCode.BAD_MESSAGE, "ready needs a boolean 'ready' (and 'id', if given, an integer)");
      return;
    }
    try {
      sessions.ready(c.sessionId, ready.booleanValue());
    } catch (RuntimeException e) {
      // the answer went with the failed transaction (the database away?): unasked, the bot would
      // wait for good, so the question comes again
      LOG.log(Level.WARNING, "could not record the ready of " + name(c) + "; asking again in " + ASK_AGAIN_SECONDS + " s", e);
      c.send(error(ErrorCode.INTERNAL, "the server could not record your answer; it will ask again", null));
      executor.schedule(() -> askReady(c), ASK_AGAIN_SECONDS, TimeUnit.SECONDS);
      return;
    }
    if (!ready.booleanValue()) {
      c.send(message("out of matchmaking (games in progress go on) until you send {\"type\":\"ready\",\"ready\":true}"));
    }
  }

  private void action(BotConnection c, JsonNode frame) {
    JsonNode game = frame.get("game");
    JsonNode spot = frame.get("spot");
    JsonNode seq = frame.get("seq");
    if (game == null || !game.isTextual() || spot == null || !spot.canConvertToInt() || !spot.isIntegralNumber()
        || seq == null || !seq.isIntegralNumber() || !frame.has("action")) {
      abuse(c, ErrorCode.BAD_MESSAGE, "action needs 'game' (string), 'spot' and 'seq' (integers) and 'action'");
      return;
    }
    String runner = c.games.get(game.asText());
    if (runner == null) {
      c.send(error(ErrorCode.STALE_ACTION, "you play no game " + game.asText(), game.asText()));
      return;
    }
    io.toRunner(runner, ToRunner.action(game.asText(), c.bot.botId(), spot.intValue(), seq.longValue(),
        Json.writeAllowingNonFinite(frame.get("action")), instance.id()));
  }

  void binary(Session socket) {
    BotConnection c = bySocket.get(socket.getId());
    if (c != null) {
      abuse(c, ErrorCode.BAD_MESSAGE, "binary frames are not part of the protocol; send JSON text");
    }
  }

  void closed(Session socket) {
    BotConnection c = bySocket.remove(socket.getId());
    if (c == null || !c.authenticated()) {
      return;
    }
    byBot.remove(c.bot.botId(), c);
    if (c.replaced) {
      return;
    }
    closing.execute(() -> {
      try {
        sessions.close(c.sessionId);
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not remove session " + c.sessionId, e);
      }
      c.games.forEach((game, runner) ->
          io.toRunner(runner, ToRunner.disconnect(game, c.bot.botId(), instance.id())));
    });
  }

  @PreDestroy
  void stop() {
    if (closing != null) {
      closing.shutdownNow();
    }
  }

  void failed(Session socket, Throwable error) {
    LOG.log(Level.FINE, "socket error", error);
  }

  @Override
  public boolean deliver(ToBot message) {
    if (message.kind() == ToBot.Kind.WATCH) {
      watchers.deliver(message.game(), message.frame());
      return true;
    }
    BotConnection c = byBot.get(message.botId());
    if (c == null) {
      if (message.kind() == ToBot.Kind.STEP) {
        // the runner thinks the bot is here: it is not, so its game ends as a disconnect
        io.toRunner(message.runner(), ToRunner.disconnect(message.game(), message.botId(), instance.id()));
      }
      return false;
    }
    if (message.frame().equals(TOKEN_REVOKED)) {
      c.sendAndClose(message.frame(), CloseCodes.reason(CloseCodes.AUTH_FAILED, "token revoked"));
      return true;
    }
    if (message.frame() == REPLACED_ELSEWHERE || message.frame().equals(REPLACED_ELSEWHERE)) {
      c.replaced = true;
      c.sendAndClose(message.frame(), CloseCodes.reason(CloseCodes.REPLACED, "replaced"));
      return true;
    }
    switch (message.kind()) {
      case GAME_START, STEP -> c.games.put(message.game(), message.runner());
      case GAME_END -> c.games.remove(message.game());
      default -> { }
    }
    c.send(message.frame());
    return true;
  }

  /** Bots connected here now. */
  public int connected() {
    return byBot.size();
  }

  private void abuse(BotConnection c, ErrorCode code, String message) {
    if (!c.abuse.allow(System.currentTimeMillis())) {
      c.sendAndClose(error(code, message + "; too many bad frames, closing", null),
          CloseCodes.reason(CloseCodes.PROTOCOL_ABUSE, "protocol abuse"));
    } else {
      c.send(error(code, message, null));
    }
  }

  static String message(String text) {
    return Json.write(Json.object().put("type", "message").put("text", text));
  }

  static String error(ErrorCode code, String message, String game) {
    ObjectNode f = Json.object().put("type", "error").put("code", code.name()).put("message", message);
    if (game != null) {
      f.put("game", game);
    }
    return Json.write(f);
  }

  /** Whether the frame is over 64 KiB in UTF-8, counted without encoding it. */
  static boolean tooLarge(String text) {
    if (text.length() > MAX_FRAME) {
      return true;
    }
    if (text.length() * 3 <= MAX_FRAME) {
      return false; // at most 3 bytes per char: cannot be over, whatever it holds
    }
    int bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char ch = text.charAt(i);
      bytes += ch < 0x80 ? 1 : ch < 0x800 ? 2 : Character.isSurrogate(ch) ? 2 : 3; // a surrogate pair is 4
    }
    return bytes > MAX_FRAME;
  }

  private static String name(BotConnection c) {
    return c.authenticated() ? c.bot.name() : "an unauthenticated socket";
  }
}

package org.botarena.websocket;

import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.Session;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.bots.BotDirectory;
import org.botarena.arena.bots.BotIdentity;
import org.botarena.arena.matchmaking.TrainingGames;
import org.botarena.arena.platform.NamedThreads;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.LocalEndpoints;
import org.botarena.arena.play.LocalGateway;
import org.botarena.arena.play.ToBot;
import org.botarena.arena.play.ToRunner;
import org.botarena.arena.sessions.BotSession;
import org.botarena.arena.sessions.InstanceIdentity;
import org.botarena.arena.sessions.SessionRegistry;
import org.botarena.protocol.BadFrame;
import org.botarena.protocol.CloseCode;
import org.botarena.protocol.ErrorCode;
import org.botarena.protocol.Frame;
import org.botarena.protocol.FrameCodec;
import org.botarena.protocol.Json;
import org.botarena.protocol.Limits;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.metrics.Metadata;
import org.eclipse.microprofile.metrics.MetricRegistry;

/**
 * The bot gateway of this instance: the protocol's session rules (PROTOCOL.md). Frames are read and
 * built by the codec ({@link FrameCodec}, {@link Frame}); this class decides what they do.
 */
@ApplicationScoped
public class Gateway implements LocalGateway {

  private static final Logger LOG = Logger.getLogger(Gateway.class.getName());

  /** After a failure to record a bot's ready, the wait before asking it again. */
  static final int ASK_AGAIN_SECONDS = 2;

  @Resource ManagedThreadFactory threads;
  @Inject BotDirectory directory;
  @Inject SessionRegistry sessions;
  @Inject InstanceIdentity instance;
  @Inject LocalEndpoints endpoints;
  @Inject BotIo io;
  @Inject MetricRegistry metrics;
  @Inject WatchHub watchers;
  @Inject TrainingGames trainingGames;

  @Inject
  @ConfigProperty(name = "arena.ws.max-bot-sockets-per-address", defaultValue = "50")
  int maxSocketsPerAddress;

  /** Open bot sockets per client address (authenticated or not). */
  private SocketGuard guard;

  private final Map<String, BotConnection> bySocket = new ConcurrentHashMap<>();
  private final Map<Long, BotConnection> byBot = new ConcurrentHashMap<>();

  /**
   * Ends closed connections' sessions: database work, kept off the default executor's one thread.
   */
  private ScheduledExecutorService closing;

  /**
   * The hello deadlines and the ready questions asked again: short tasks, on a thread of our own
   * (NamedThreads says why not the server's executor).
   */
  private ScheduledExecutorService timers;

  /** Called once by {@link GatewayStartup} when the web module starts. */
  void start() {
    closing = NamedThreads.executor(threads, "arena-gateway-close", 2);
    timers = NamedThreads.executor(threads, "arena-gateway-timers", 1);
    guard = new SocketGuard(maxSocketsPerAddress);
    endpoints.register(this);
    metrics.gauge(
        Metadata.builder()
            .withName("arena.bots.connected")
            .withDescription("bots connected to this instance")
            .build(),
        byBot,
        Map::size);
  }

  void opened(Session socket, String bearer) {
    BotConnection c = new BotConnection(socket, bearer);
    if (!guard.admit(socket)) {
      c.sendAndClose(
          error(ErrorCode.RATE_LIMITED, "at most " + guard.max() + " bot sockets from one address"),
          BotConnection.reason(CloseCode.TOO_MANY_SOCKETS, "too many sockets from one address"));
      return;
    }
    bySocket.put(socket.getId(), c);
    timers.schedule(
        () -> {
          if (!c.helloReceived) {
            c.sendAndClose(
                error(ErrorCode.AUTH_FAILED, "no hello within " + Limits.HELLO_SECONDS + " s"),
                BotConnection.reason(CloseCode.AUTH_FAILED, "no hello"));
          }
        },
        Limits.HELLO_SECONDS,
        TimeUnit.SECONDS);
  }

  void text(Session socket, String text) {
    BotConnection c = bySocket.get(socket.getId());
    if (c == null) {
      return;
    }
    long now = System.currentTimeMillis();
    // a frame that may answer an owed step is counted only once it turns out not to be an action
    boolean mayAnswer = c.owed.any();
    if (!mayAnswer && !c.rate.allow(now)) {
      rateLimited(c);
      return;
    }
    Frame frame;
    try {
      frame = FrameCodec.fromBot(text);
    } catch (BadFrame e) {
      abuse(c, e.code(), e.getMessage());
      return;
    }
    if (mayAnswer && !(frame instanceof Frame.Action && c.owed.answer()) && !c.rate.allow(now)) {
      rateLimited(c);
      return;
    }
    try {
      dispatch(c, frame);
    } catch (RuntimeException e) {
      LOG.log(Level.WARNING, "frame from " + name(c) + " failed", e);
      c.send(error(ErrorCode.INTERNAL, "the server could not handle this frame"));
    }
  }

  private void dispatch(BotConnection c, Frame frame) {
    if (!c.authenticated() && !(frame instanceof Frame.Hello)) {
      abuse(c, ErrorCode.BAD_MESSAGE, "the first frame must be hello");
      return;
    }
    if (frame instanceof Frame.Hello hello) {
      hello(c, hello);
    } else if (frame instanceof Frame.Ready ready) {
      ready(c, ready);
    } else if (frame instanceof Frame.Action action) {
      action(c, action);
    } else if (frame instanceof Frame.Ping) {
      c.send(PONG);
    }
  }

  private static final String PONG = new Frame.Pong().json();

  private void hello(BotConnection c, Frame.Hello frame) {
    if (c.authenticated() || c.helloReceived) {
      abuse(c, ErrorCode.BAD_MESSAGE, "hello was already received");
      return;
    }
    c.helloReceived = true;
    if (frame.protocol() != Limits.PROTOCOL) {
      c.sendAndClose(
          error(ErrorCode.UNSUPPORTED_PROTOCOL, "this server speaks protocol " + Limits.PROTOCOL),
          BotConnection.reason(CloseCode.PROTOCOL_ABUSE, "unsupported protocol"));
      return;
    }
    String token = frame.token() != null ? frame.token() : c.bearerToken;
    BotIdentity bot;
    try {
      bot = token == null ? null : directory.authenticate(token).orElse(null);
    } catch (RuntimeException e) {
      // not the token's fault: a 4001 would stop the bot for good, so it is asked to come again
      tryAgain(c, "could not check a token", e);
      return;
    }
    if (bot == null) {
      c.sendAndClose(
          error(
              ErrorCode.AUTH_FAILED,
              token == null
                  ? "no token: send it in hello or as Authorization: Bearer"
                  : "unknown or revoked token"),
          BotConnection.reason(CloseCode.AUTH_FAILED, "auth failed"));
      return;
    }
    if (frame.games() != null) {
      List<String> unknown = trainingGames.unknown(frame.games());
      if (!unknown.isEmpty()) {
        // a bot that asks for a game nobody plays here would wait for good: fix the bot first
        c.sendAndClose(
            error(ErrorCode.BAD_MESSAGE, FrameCodec.gamesRefused(unknown, trainingGames.all())),
            BotConnection.reason(CloseCode.PROTOCOL_ABUSE, "unknown game"));
        return;
      }
    }
    SessionRegistry.Opened opened;
    try {
      opened = sessions.open(c.sessionId, bot.botId(), instance.id(), frame.games());
    } catch (RuntimeException e) {
      // no session, no welcome: the bot would wait for good; closed, it connects again (SDKs do)
      tryAgain(c, "could not open a session for " + bot.name(), e);
      return;
    }
    // only now: an older connection keeps the bot's frames until its session was replaced
    c.bot = bot;
    c.wantedGames = frame.games();
    BotConnection older = byBot.put(bot.botId(), c);
    Map<String, String> running = opened.running();
    BotSession previous = opened.replaced().orElse(null);
    if (older != null && older != c) {
      older.replaced = true;
      older.sendAndClose(REPLACED_ELSEWHERE, BotConnection.reason(CloseCode.REPLACED, "replaced"));
    } else if (previous != null && !instance.isMe(previous.getInstance())) {
      io.toBot(
          previous.getInstance(),
          new ToBot(bot.botId(), null, null, ToBot.Kind.REPLACED, REPLACED_ELSEWHERE));
    }
    c.send(new Frame.Welcome(c.sessionId.toString(), bot.botId(), bot.name(), bot.team()).json());
    if (!running.isEmpty()) {
      c.send(message("resuming " + running.size() + " game(s) in progress on this connection"));
    }
    askReady(c);
    // games in progress continue on this connection: their runners ask the open step again here
    // (after the welcome: a runner on this instance sends it at once)
    running.forEach(
        (game, runner) -> {
          c.games.put(game, runner);
          io.toRunner(
              runner, ToRunner.rebind(game, bot.botId(), instance.id(), c.sessionId.toString()));
        });
    LOG.fine(() -> "bot " + bot.name() + " connected (session " + c.sessionId + ")");
  }

  /**
   * The server failed on a hello (its database away?): closed with 1011, and the bot connects
   * again.
   */
  private static void tryAgain(BotConnection c, String what, RuntimeException e) {
    LOG.log(Level.WARNING, what + "; closed with " + CloseCode.TRY_AGAIN.code(), e);
    c.sendAndClose(
        error(ErrorCode.INTERNAL, "the server failed on your hello; connect again"),
        BotConnection.reason(CloseCode.TRY_AGAIN, "try again"));
  }

  private static void askReady(BotConnection c) {
    c.send(new Frame.ReadyQuestion(c.readyQuestions.incrementAndGet()).json());
  }

  @Override
  public void restoreLostSessions(Set<UUID> alive) {
    int restored = 0;
    for (BotConnection c : byBot.values()) {
      if (c.replaced || alive.contains(c.sessionId)) {
        continue;
      }
      try {
        if (!sessions.restore(c.sessionId, c.bot.botId(), instance.id(), c.wantedGames)) {
          continue; // its bot has a session (a newer connection's, or one that closes soon)
        }
        if (byBot.get(c.bot.botId()) != c || c.replaced) {
          // it closed or was replaced meanwhile, its own close already done: no ghost session
          sessions.close(c.sessionId);
          continue;
        }
        askReady(c);
        restored++;
      } catch (RuntimeException e) {
        LOG.log(Level.WARNING, "could not restore the session of bot " + c.bot.name(), e);
      }
    }
    if (restored > 0) {
      int count = restored;
      LOG.warning(
          () ->
              count
                  + " connections here had lost their sessions (the cluster forgot this instance?);"
                  + " restored and asked ready? again");
    }
  }

  /** Marks a takeover sent to the instance that held the older connection. */
  static final String REPLACED_ELSEWHERE =
      error(ErrorCode.REPLACED, "a newer connection of this bot took over");

  private void ready(BotConnection c, Frame.Ready ready) {
    try {
      sessions.ready(c.sessionId, ready.ready());
    } catch (RuntimeException e) {
      // the answer went with the failed transaction (the database away?): unasked, the bot would
      // wait for good, so the question comes again
      LOG.log(
          Level.WARNING,
          "could not record the ready of "
              + name(c)
              + "; asking again in "
              + ASK_AGAIN_SECONDS
              + " s",
          e);
      c.send(
          error(ErrorCode.INTERNAL, "the server could not record your answer; it will ask again"));
      timers.schedule(() -> askReady(c), ASK_AGAIN_SECONDS, TimeUnit.SECONDS);
      return;
    }
    if (!ready.ready()) {
      c.send(
          message(
              "out of matchmaking (games in progress go on) until you send"
                  + " {\"type\":\"ready\",\"ready\":true}"));
    }
  }

  private void action(BotConnection c, Frame.Action action) {
    String runner = c.games.get(action.game());
    if (runner == null) {
      c.send(
          new Frame.Error(
                  ErrorCode.STALE_ACTION, "you play no game " + action.game(), action.game())
              .json());
      return;
    }
    io.toRunner(
        runner,
        ToRunner.action(
            action.game(),
            c.bot.botId(),
            action.spot(),
            action.seq(),
            Json.writeAllowingNonFinite(action.action()),
            instance.id()));
  }

  void binary(Session socket) {
    BotConnection c = bySocket.get(socket.getId());
    if (c != null) {
      abuse(c, ErrorCode.BAD_MESSAGE, "binary frames are not part of the protocol; send JSON text");
    }
  }

  void closed(Session socket) {
    guard.release(socket);
    BotConnection c = bySocket.remove(socket.getId());
    if (c == null || !c.authenticated()) {
      return;
    }
    byBot.remove(c.bot.botId(), c);
    if (c.replaced) {
      return;
    }
    closing.execute(
        () -> {
          try {
            sessions.close(c.sessionId);
          } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "could not remove session " + c.sessionId, e);
          }
          c.games.forEach(
              (game, runner) ->
                  io.toRunner(
                      runner,
                      ToRunner.disconnect(
                          game, c.bot.botId(), instance.id(), c.sessionId.toString())));
        });
  }

  @PreDestroy
  void stop() {
    if (closing != null) {
      closing.shutdownNow();
    }
    if (timers != null) {
      timers.shutdownNow();
    }
  }

  void failed(Session socket, Throwable error) {
    LOG.log(Level.FINE, "socket error", error);
    // a socket that failed may never see its close; the slot goes back now (once: the guard knows)
    if (!socket.isOpen()) {
      guard.release(socket);
    }
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
        io.toRunner(
            message.runner(), ToRunner.disconnect(message.game(), message.botId(), instance.id()));
      }
      return false;
    }
    switch (message.kind()) {
      case REVOKED -> {
        c.sendAndClose(
            message.frame(), BotConnection.reason(CloseCode.AUTH_FAILED, "token revoked"));
        return true;
      }
      case REPLACED -> {
        c.replaced = true;
        c.sendAndClose(message.frame(), BotConnection.reason(CloseCode.REPLACED, "replaced"));
        return true;
      }
      case GAME_START -> c.games.put(message.game(), message.runner());
      case STEP -> {
        c.games.put(message.game(), message.runner());
        c.owed.stepSent();
      }
      case GAME_END -> c.games.remove(message.game());
      default -> {}
    }
    c.send(message.frame());
    return true;
  }

  /** Bots connected here now. */
  @Override
  public int connected() {
    return byBot.size();
  }

  private void rateLimited(BotConnection c) {
    abuse(
        c,
        ErrorCode.RATE_LIMITED,
        "more than " + Limits.MAX_FRAMES_PER_SECOND + " frames a second; this frame was ignored");
  }

  private void abuse(BotConnection c, ErrorCode code, String message) {
    if (!c.abuse.allow(System.currentTimeMillis())) {
      c.sendAndClose(
          error(code, message + "; too many bad frames, closing"),
          BotConnection.reason(CloseCode.PROTOCOL_ABUSE, "protocol abuse"));
    } else {
      c.send(error(code, message));
    }
  }

  static String message(String text) {
    return new Frame.Message(text).json();
  }

  static String error(ErrorCode code, String message) {
    return new Frame.Error(code, message).json();
  }

  private static String name(BotConnection c) {
    return c.authenticated() ? c.bot.name() : "an unauthenticated socket";
  }
}

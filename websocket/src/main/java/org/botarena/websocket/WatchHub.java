package org.botarena.websocket;

import jakarta.annotation.PostConstruct;
import jakarta.annotation.PreDestroy;
import jakarta.annotation.Resource;
import jakarta.enterprise.concurrent.ManagedThreadFactory;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.websocket.CloseReason;
import jakarta.websocket.Session;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.logging.Level;
import java.util.logging.Logger;
import org.botarena.arena.matches.ReplayService;
import org.botarena.arena.matches.WatchService;
import org.botarena.arena.platform.NamedThreads;
import org.botarena.arena.play.BotIo;
import org.botarena.arena.play.DebugCommand;
import org.botarena.arena.play.ToRunner;
import org.botarena.arena.sessions.InstanceIdentity;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayFrame;
import org.botarena.protocol.BadFrame;
import org.botarena.protocol.WatchFrames;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Browsers watching games on this instance ({@code /arena/ws/watch/{game}}, PROTOCOL.md): first the
 * game's header, then the states so far, one frame per step, then {@code game_end}. A finished game
 * is read from its stored replay; a running one is fed by its runner (on whichever instance), which
 * sends the frames so far and then every step. A game that is queued, requeued after a crash or
 * finishes unseen is caught up every second from the database. The frames so far are kept per
 * watched game, so a browser that joins later starts from the first state too.
 *
 * <p>A debug arena's game is watched by its team only, and they may steer it: {@code
 * {"type":"control","command":"pause"|"resume"|"step"|"rewind","seq":n}} goes to its runner, which
 * answers every watcher with {@code {"type":"debug",...}} (held or running) and, after a rewind,
 * {@code {"type":"rewind","seq":n,"state":...}} (the frames after {@code n} are gone).
 */
@ApplicationScoped
public class WatchHub {

  private static final Logger LOG = Logger.getLogger(WatchHub.class.getName());

  /** The socket's user property: the game it watches. */
  private static final String GAME = "arena.watch.game";

  /**
   * A watcher's controls per second: a human clicks far fewer; each rewind also sends the seated
   * bots a frame.
   */
  static final int CONTROLS_PER_SECOND = 5;

  private static final String CONTROLS = "arena.watch.controls";

  /** One watched game on this instance: its sockets and the last frame they got. */
  private static final class Watched {
    final Set<Session> sockets = ConcurrentHashMap.newKeySet();

    /** The frames so far by seq (guarded by the Watched), and the debug game's last status. */
    final NavigableMap<Integer, String> frames = new TreeMap<>();

    String status;
    volatile boolean debug;
    volatile int lastSeq = -1;
    volatile String askedRunner;
    volatile int askedAttempt;

    /** When the runner last sent a frame: while frames flow, the database need not be asked. */
    volatile long lastFrameNanos = System.nanoTime() - TimeUnit.HOURS.toNanos(1); // none yet
  }

  @Inject WatchService games;
  @Inject ReplayService replays;
  @Inject BotIo io;
  @Inject InstanceIdentity instance;
  @Resource ManagedThreadFactory threads;

  @Inject
  @ConfigProperty(name = "arena.ws.max-watch-sockets-per-address", defaultValue = "20")
  int maxSocketsPerAddress;

  private SocketGuard guard;

  private final Map<String, Watched> watched = new ConcurrentHashMap<>();
  private ScheduledExecutorService ticker;

  @PostConstruct
  void start() {
    guard = new SocketGuard(maxSocketsPerAddress);
    ticker = NamedThreads.executor(threads, "arena-watch", 1);
    ticker.scheduleWithFixedDelay(this::catchUp, 1, 1, TimeUnit.SECONDS);
  }

  @PreDestroy
  void stop() {
    ticker.shutdownNow();
  }

  void opened(Session socket, String gameId, String foreignOrigin) {
    if (foreignOrigin != null) {
      refuse(
          socket,
          "FORBIDDEN",
          "a page of another site may not watch here (Origin " + foreignOrigin + ")");
      return;
    }
    if (!guard.admit(socket)) {
      refuse(socket, "TOO_MANY", "at most " + guard.max() + " watch sockets from one address");
      return;
    }
    String user = socket.getUserPrincipal() == null ? null : socket.getUserPrincipal().getName();
    UUID id;
    try {
      id = UUID.fromString(gameId);
    } catch (IllegalArgumentException e) {
      refuse(socket, "NOT_FOUND", "no game " + gameId);
      return;
    }
    Optional<WatchService.Game> found = games.find(id, user);
    if (found.isEmpty()) {
      refuse(socket, "NOT_FOUND", "no game " + gameId);
      return;
    }
    WatchService.Game game = found.get();
    if (!game.visible()) {
      refuse(
          socket,
          "FORBIDDEN",
          user == null
              ? "debug-arena games are watched by their team only: sign in"
              : "debug-arena games are watched by their team only");
      return;
    }
    socket.getUserProperties().put(GAME, gameId);
    send(socket, WatchFrames.header(gameId, game.gameType(), game.state(), game.players()));
    Watched w = watched.computeIfAbsent(gameId, g -> new Watched());
    w.debug = game.debug();
    synchronized (w) {
      // the frames so far, then the live ones
      w.frames.values().forEach(f -> send(socket, f));
      if (w.status != null) {
        send(socket, w.status);
      }
      w.sockets.add(socket);
    }
    if ("FINISHED".equals(game.state()) || "FAILED".equals(game.state())) {
      finishFromReplay(gameId, w);
    } else {
      askRunner(game, w);
    }
  }

  void closed(Session socket) {
    guard.release(socket);
    watched.values().forEach(w -> w.sockets.remove(socket));
    watched.entrySet().removeIf(e -> e.getValue().sockets.isEmpty());
  }

  /** A frame from the game's runner: passed on in order, duplicates of the catch-up dropped. */
  public void deliver(String gameId, String frame) {
    Watched w = watched.get(gameId);
    if (w == null) {
      return;
    }
    WatchFrames.Kind kind = WatchFrames.kindOf(frame);
    if (kind.type() == WatchFrames.Type.GAME_END) {
      end(gameId, w, frame);
      return;
    }
    synchronized (w) {
      if (kind.type() == null) {
        return;
      }
      switch (kind.type()) {
        case FRAME -> {
          int seq = kind.seq();
          if (seq <= w.lastSeq) {
            return;
          }
          w.lastSeq = seq;
          w.frames.put(seq, frame);
        }
        case REWIND -> {
          // a debug game went back: the frames after seq are gone, for those who join later too
          int seq = kind.seq();
          w.frames.tailMap(seq, false).clear();
          w.lastSeq = seq;
        }
        case DEBUG -> w.status = frame;
        default -> {
          return;
        }
      }
      w.lastFrameNanos = System.nanoTime();
      sendAll(w, frame);
    }
  }

  /** A watcher's control frame: checked, then sent to the debug game's runner. */
  void control(Session socket, String text) {
    String gameId = (String) socket.getUserProperties().get(GAME);
    Watched w = gameId == null ? null : watched.get(gameId);
    if (w == null || !w.sockets.contains(socket)) {
      return; // refused or over: nothing to steer
    }
    RateLimit rate =
        (RateLimit)
            socket
                .getUserProperties()
                .computeIfAbsent(CONTROLS, k -> new RateLimit(CONTROLS_PER_SECOND, 1000));
    if (!rate.allow(System.currentTimeMillis())) {
      error(
          socket,
          "RATE_LIMITED",
          "more than " + CONTROLS_PER_SECOND + " controls a second; this one was ignored");
      return;
    }
    WatchFrames.Control control;
    try {
      control = WatchFrames.control(text);
    } catch (BadFrame e) {
      error(socket, e.code().name(), e.getMessage());
      return;
    }
    Optional<DebugCommand> command = DebugCommand.of(control.command());
    if (command.isEmpty()) {
      error(socket, "BAD_MESSAGE", WatchFrames.CONTROL_SHAPE);
      return;
    }
    if (!w.debug) {
      error(socket, "FORBIDDEN", "only debug-arena games can be paused, stepped or rewound");
      return;
    }
    if (command.get() == DebugCommand.REWIND && control.seq() < 0) {
      error(socket, "BAD_MESSAGE", "rewind needs 'seq': the step to go back to (0 is the start)");
      return;
    }
    String runner = w.askedRunner;
    if (runner == null) {
      error(socket, "NOT_RUNNING", "the game is not running (yet)");
      return;
    }
    io.toRunner(runner, ToRunner.control(gameId, command.get(), control.seq(), instance.id()));
  }

  private void askRunner(WatchService.Game game, Watched w) {
    // a runner that takes a watcher sends frame 0 at once; without it, ask again: the request can
    // come between the claim's commit and the game's start on the runner, which then drops it
    boolean answered = w.lastSeq >= 0;
    if ("RUNNING".equals(game.state())
        && game.runner() != null
        && (!game.runner().equals(w.askedRunner)
            || game.attempt() != w.askedAttempt
            || !answered)) {
      w.askedRunner = game.runner();
      w.askedAttempt = game.attempt();
      synchronized (w) {
        w.lastSeq = -1; // a new attempt starts from its first state again
        w.frames.clear();
      }
      io.toRunner(game.runner(), ToRunner.watch(game.id().toString(), instance.id()));
    }
  }

  /** Every second: games still queued, requeued, or finished without their runner's last word. */
  private void catchUp() {
    for (Map.Entry<String, Watched> entry : watched.entrySet()) {
      if (System.nanoTime() - entry.getValue().lastFrameNanos < TimeUnit.SECONDS.toNanos(2)) {
        continue; // fed live by its runner
      }
      try {
        games
            .find(UUID.fromString(entry.getKey()), null)
            .ifPresent(
                game -> {
                  if ("FINISHED".equals(game.state()) || "FAILED".equals(game.state())) {
                    finishFromReplay(entry.getKey(), entry.getValue());
                  } else {
                    askRunner(game, entry.getValue());
                  }
                });
      } catch (RuntimeException e) {
        LOG.log(
            Level.FINE, "watch catch-up of " + entry.getKey() + " failed; next second again", e);
      }
    }
  }

  /** The stored replay's frames the watchers have not had yet, then the end. */
  private void finishFromReplay(String gameId, Watched w) {
    // its watchers were let in by opened(): a debug game's replay is theirs too
    Optional<byte[]> data = replays.anyReplay(UUID.fromString(gameId));
    if (data.isEmpty()) {
      end(gameId, w, WatchFrames.end(gameId, null, true));
      return;
    }
    Replay replay = Replay.read(new ByteArrayInputStream(data.get()));
    synchronized (w) {
      if (w.lastSeq < 0) {
        sendAll(w, WatchFrames.frame(gameId, 0, Map.of(), replay.initial()));
      }
      for (ReplayFrame f : replay.frames()) {
        if (f.step() > w.lastSeq) {
          sendAll(w, WatchFrames.frame(gameId, f.step(), f.actions(), f.state()));
        }
      }
      w.lastSeq = Integer.MAX_VALUE;
    }
    end(gameId, w, WatchFrames.end(gameId, replay.end(), replay.end() == null));
  }

  private void end(String gameId, Watched w, String endFrame) {
    if (watched.remove(gameId, w)) {
      for (Session s : w.sockets) {
        send(s, endFrame);
        try {
          s.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, "game over"));
        } catch (IOException ignored) {
          // the browser went away already
        }
      }
    }
  }

  private void sendAll(Watched w, String frame) {
    w.sockets.forEach(s -> send(s, frame));
  }

  private static void error(Session socket, String code, String message) {
    send(socket, WatchFrames.error(code, message));
  }

  private static void refuse(Session socket, String code, String message) {
    error(socket, code, message);
    try {
      socket.close(new CloseReason(CloseReason.CloseCodes.NORMAL_CLOSURE, code));
    } catch (IOException ignored) {
      // gone already
    }
  }

  private static void send(Session socket, String text) {
    synchronized (socket) {
      if (socket.isOpen()) {
        try {
          socket.getBasicRemote().sendText(text);
        } catch (IOException e) {
          LOG.log(Level.FINE, "a watcher went away", e);
        }
      }
    }
  }
}

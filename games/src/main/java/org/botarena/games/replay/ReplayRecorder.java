package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;
import org.botarena.games.spi.Outcome;
import org.botarena.protocol.Json;

/**
 * Records a game as it is played: call {@link #step} after every {@link Game#apply}. Each frame is
 * kept as its replay line (JSON text as UTF-8 bytes), not as a JSON tree: a hockey game's frames
 * take about a fifth of the memory that way (141 kB against 743 kB for 225 steps), which is what
 * hundreds of games running at once on one instance hold.
 */
public final class ReplayRecorder {

  private final ReplayHeader header;
  private final ObjectNode initial;
  private final List<byte[]> lines = new ArrayList<>();
  private final int maxFrames;

  /** A recorder of at most {@link GameType#MAX_STEPS} frames. */
  public ReplayRecorder(ReplayHeader header, Game game) {
    this(header, game, GameType.MAX_STEPS);
  }

  /**
   * A recorder of at most {@code maxFrames} frames (the runner passes its game's {@link
   * GameType#maxSteps}): the frames of a game are all kept until it ends, so they must not grow
   * without bound.
   */
  public ReplayRecorder(ReplayHeader header, Game game, int maxFrames) {
    this.header = header;
    this.initial = game.state();
    this.maxFrames = maxFrames;
  }

  /** Whether the cap of frames is reached: a further {@link #step} is refused. */
  public boolean full() {
    return lines.size() >= maxFrames;
  }

  /**
   * Records the step just applied; returns its frame (for whoever shows it live).
   *
   * @throws IllegalStateException when the recorder is {@link #full}
   */
  public ReplayFrame step(Map<Integer, JsonNode> actions, Game game) {
    if (full()) {
      throw new IllegalStateException("a replay holds at most " + maxFrames + " steps");
    }
    ReplayFrame frame = new ReplayFrame(game.steps(), actions, game.state());
    lines.add(Json.write(frame.toJson()).getBytes(StandardCharsets.UTF_8));
    return frame;
  }

  /** Steps recorded so far. */
  public int steps() {
    return lines.size();
  }

  /** The frame of step {@code step} (from 1), decoded. */
  public ReplayFrame frame(int step) {
    return ReplayFrame.fromJson(
        Json.parse(new String(lines.get(step - 1), StandardCharsets.UTF_8)));
  }

  /** Every frame so far, decoded (for a watcher catching up, and tests). */
  public List<ReplayFrame> frames() {
    List<ReplayFrame> frames = new ArrayList<>(lines.size());
    for (int step = 1; step <= lines.size(); step++) {
      frames.add(frame(step));
    }
    return frames;
  }

  /**
   * Forgets the steps after {@code step} (a debug game went back to it) and returns the state
   * recorded after that step (the initial state for 0): the replay goes on from there.
   *
   * @throws IllegalArgumentException if no such step was recorded
   */
  public ObjectNode rewind(int step) {
    if (step < 0 || step > lines.size()) {
      throw new IllegalArgumentException("step " + step + " is not between 0 and " + lines.size());
    }
    lines.subList(step, lines.size()).clear();
    return step == 0 ? initial.deepCopy() : frame(step).state();
  }

  /** The state before the first step. */
  public ObjectNode initial() {
    return initial;
  }

  /** The replay so far, decoded; with the outcome once the game is finished. */
  public Replay replay(Game game) {
    return new Replay(header, initial, frames(), end(game));
  }

  /**
   * The replay so far as stored (gzip-compressed JSON lines), written from the kept lines as they
   * are.
   */
  public byte[] toGzipJsonLines(Game game) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    Replay.write(bytes, header, initial, lines, end(game));
    return bytes.toByteArray();
  }

  private static ObjectNode end(Game game) {
    return game.finished() ? outcomeJson(game.outcome()) : null;
  }

  public static ObjectNode outcomeJson(Outcome outcome) {
    ObjectNode end = Json.object().put("reason", outcome.reason().name());
    ArrayNode winners = end.putArray("winners");
    outcome.winners().forEach(winners::add);
    ObjectNode scores = end.putObject("scores");
    outcome.scores().forEach((spot, score) -> scores.put(Integer.toString(spot), score));
    return end;
  }
}

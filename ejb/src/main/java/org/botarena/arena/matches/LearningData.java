package org.botarena.arena.matches;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.Transitions;
import org.botarena.protocol.Json;

/**
 * The replay export as learning data (docs/games.md, "Learning data"): one row per spot and
 * decision ({@link Transitions}) with the match, step, spot, bot, observation, action, reward and
 * end flag, as JSON lines or as a NumPy {@code .npz}. Rows are written match by match as the
 * replays are read, so memory holds one replay and, for the {@code .npz}, one chunk of rows.
 *
 * <p>The {@code .npz} holds the rows in chunks of about {@value #CHUNK_ROWS} (a match is never
 * split): {@code obs_K} (float32, rows x observation length), {@code action_K} (float32, rows x
 * action length), {@code reward_K} (float32), {@code done_K} (bool), {@code step_K}, {@code
 * spot_K}, {@code episode_K} (an index into {@code matches}) and {@code bot_K} (an index into
 * {@code bots}) (int32), for K from 0 to {@code chunks} - 1; then {@code matches} (the match ids),
 * {@code bots} (the bots' names at match time), {@code chunks} and {@code game}. A chunk's arrays
 * have one observation length: a match whose observations are longer or shorter (another config)
 * starts a new chunk.
 */
public final class LearningData {

  /** The formats. */
  public enum Format {
    JSONL("application/x-ndjson", "learning.jsonl"),
    NPZ("application/octet-stream", "learning.npz");

    public final String mediaType;
    public final String fileName;

    Format(String mediaType, String fileName) {
      this.mediaType = mediaType;
      this.fileName = fileName;
    }

    /** {@code jsonl} or {@code npz}; null for another word. */
    public static Format of(String word) {
      for (Format f : values()) {
        if (f.name().toLowerCase(Locale.ROOT).equals(word)) {
          return f;
        }
      }
      return null;
    }
  }

  static final int CHUNK_ROWS = 1 << 16;

  private final Format format;
  private final String game;
  private final OutputStream out;
  private final Transitions transitions = new Transitions();
  private final NpyArrays npz;
  private final List<String> matches = new ArrayList<>();
  private final List<String> bots = new ArrayList<>();
  private final Map<String, Integer> botIndex = new HashMap<>();
  private final Chunk chunk = new Chunk();
  private final int chunkRows;
  private int chunks;

  /**
   * A writer of {@code format} to {@code out}; {@code game} names the game of every match (the
   * {@code .npz} holds one game).
   */
  public LearningData(Format format, String game, OutputStream out) {
    this(format, game, out, CHUNK_ROWS);
  }

  LearningData(Format format, String game, OutputStream out, int chunkRows) {
    this.chunkRows = chunkRows;
    this.format = format;
    this.game = game;
    this.out = out;
    this.npz = format == Format.NPZ ? new NpyArrays(out) : null;
  }

  /**
   * Whether the {@code .npz} can hold a game's rows: its observations and actions are (nested)
   * arrays of numbers.
   */
  public static boolean numeric(JsonNode value) {
    if (value == null || !value.isArray()) {
      return false;
    }
    for (JsonNode v : value) {
      if (!(v.isNumber() || (v.isArray() && numeric(v)))) {
        return false;
      }
    }
    return true;
  }

  /**
   * Writes the rows of one match, of the spots in {@code botBySpot} only (the bots' names at match
   * time).
   */
  public void add(UUID match, Replay replay, Map<Integer, String> botBySpot) throws IOException {
    if (format == Format.NPZ && chunk.rows >= chunkRows) {
      flush();
    }
    int episode = matches.size();
    matches.add(match.toString());
    String matchText = match.toString();
    List<Transitions.Transition> rows = new ArrayList<>();
    transitions.forEach(
        replay,
        row -> {
          if (botBySpot.containsKey(row.spot())) {
            rows.add(row);
          }
        });
    for (Transitions.Transition row : rows) {
      String bot = botBySpot.get(row.spot());
      if (format == Format.JSONL) {
        ObjectNode line =
            Json.object()
                .put("match", matchText)
                .put("game", replay.header().game())
                .put("step", row.step())
                .put("spot", row.spot())
                .put("bot", bot);
        line.set("observation", row.observation());
        line.set("action", row.action());
        line.put("reward", row.reward()).put("done", row.done());
        out.write(Json.write(line).getBytes(StandardCharsets.UTF_8));
        out.write('\n');
      } else {
        float[] obs = flatten(row.observation(), "observation", match, row.step());
        float[] action = flatten(row.action(), "action", match, row.step());
        if (chunk.rows > 0
            && (obs.length != chunk.obsWidth || action.length != chunk.actionWidth)) {
          flush();
        }
        chunk.add(obs, action, row, episode, botIndex.computeIfAbsent(bot, this::newBot));
      }
    }
  }

  private int newBot(String name) {
    bots.add(name);
    return bots.size() - 1;
  }

  /** Ends the output: the last chunk and the index arrays of the {@code .npz}. */
  public void finish() throws IOException {
    if (format == Format.JSONL) {
      out.flush();
      return;
    }
    if (chunk.rows > 0 || chunks == 0) {
      flush();
    }
    npz.strings("matches", matches);
    npz.strings("bots", bots);
    npz.int64("chunks", chunks);
    npz.strings("game", List.of(game == null ? "" : game));
    npz.close();
  }

  private void flush() throws IOException {
    int n = chunk.rows;
    String k = "_" + chunks;
    npz.float32("obs" + k, chunk.obs, n, chunk.obsWidth);
    npz.float32("action" + k, chunk.action, n, chunk.actionWidth);
    npz.float32("reward" + k, chunk.reward, n);
    npz.bool("done" + k, chunk.done, n);
    npz.int32("step" + k, chunk.step, n);
    npz.int32("spot" + k, chunk.spot, n);
    npz.int32("episode" + k, chunk.episode, n);
    npz.int32("bot" + k, chunk.bot, n);
    chunks++;
    chunk.clear();
  }

  private static float[] flatten(JsonNode value, String what, UUID match, int step) {
    if (!numeric(value)) {
      throw new UncheckedIOException(
          new IOException(
              "match "
                  + match
                  + " step "
                  + step
                  + ": the "
                  + what
                  + " is not an array of numbers, which .npz needs (use format=jsonl): "
                  + value));
    }
    List<Float> values = new ArrayList<>();
    collect(value, values);
    float[] flat = new float[values.size()];
    for (int i = 0; i < flat.length; i++) {
      flat[i] = values.get(i);
    }
    return flat;
  }

  private static void collect(JsonNode value, List<Float> into) {
    for (JsonNode v : value) {
      if (v.isArray()) {
        collect(v, into);
      } else {
        into.add(v.floatValue());
      }
    }
  }

  /** The rows of one chunk, in growing primitive arrays. */
  private static final class Chunk {
    int rows;
    int obsWidth;
    int actionWidth;
    float[] obs = new float[1024];
    float[] action = new float[256];
    float[] reward = new float[64];
    boolean[] done = new boolean[64];
    int[] step = new int[64];
    int[] spot = new int[64];
    int[] episode = new int[64];
    int[] bot = new int[64];

    void add(float[] o, float[] a, Transitions.Transition row, int episodeIndex, int botIndex) {
      if (rows == 0) {
        obsWidth = o.length;
        actionWidth = a.length;
      }
      obs = fit(obs, (rows + 1) * obsWidth);
      System.arraycopy(o, 0, obs, rows * obsWidth, o.length);
      action = fit(action, (rows + 1) * actionWidth);
      System.arraycopy(a, 0, action, rows * actionWidth, a.length);
      if (rows == reward.length) {
        int size = rows * 2;
        reward = Arrays.copyOf(reward, size);
        done = Arrays.copyOf(done, size);
        step = Arrays.copyOf(step, size);
        spot = Arrays.copyOf(spot, size);
        episode = Arrays.copyOf(episode, size);
        bot = Arrays.copyOf(bot, size);
      }
      reward[rows] = (float) row.reward();
      done[rows] = row.done();
      step[rows] = row.step();
      spot[rows] = row.spot();
      episode[rows] = episodeIndex;
      bot[rows] = botIndex;
      rows++;
    }

    private static float[] fit(float[] array, int size) {
      return size <= array.length ? array : Arrays.copyOf(array, Math.max(size, array.length * 2));
    }

    void clear() {
      rows = 0;
    }
  }
}

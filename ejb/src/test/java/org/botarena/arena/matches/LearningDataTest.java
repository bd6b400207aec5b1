package org.botarena.arena.matches;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.botarena.games.Games;
import org.botarena.games.local.HouseContestant;
import org.botarena.games.local.LocalMatch;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.Transitions;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The learning data's two formats from real games: the JSON lines row by row, and the {@code .npz}
 * loaded by Python's numpy with the loader docs/games.md shows, word for word (python3 with numpy,
 * as {@code .ci/run} installs it).
 */
class LearningDataTest {

  @TempDir Path dir;

  private static Replay played(String game, long seed) {
    return new LocalMatch(
            Games.type(game),
            null,
            seed,
            List.of(new HouseContestant("random"), new HouseContestant("random")),
            1000)
        .play()
        .replay();
  }

  @Test
  void jsonLinesCarryEachSpotsObservationActionRewardAndEnd() throws Exception {
    Replay replay = played("rps", 2);
    UUID match = UUID.randomUUID();
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    LearningData data = new LearningData(LearningData.Format.JSONL, null, out);
    data.add(match, replay, Map.of(1, "blue")); // only spot 1's rows
    data.finish();
    List<Transitions.Transition> expected =
        new Transitions().of(replay).stream().filter(t -> t.spot() == 1).toList();
    List<String> lines = out.toString(StandardCharsets.UTF_8).lines().toList();
    assertEquals(expected.size(), lines.size());
    for (int i = 0; i < lines.size(); i++) {
      JsonNode row = Json.parse(lines.get(i));
      Transitions.Transition t = expected.get(i);
      assertEquals(match.toString(), row.get("match").asText());
      assertEquals("rps", row.get("game").asText());
      assertEquals("blue", row.get("bot").asText());
      assertEquals(1, row.get("spot").asInt());
      assertEquals(t.step(), row.get("step").asInt());
      assertEquals(t.observation(), row.get("observation"));
      assertEquals(t.action(), row.get("action"));
      assertEquals(t.reward(), row.get("reward").asDouble());
      assertEquals(t.done(), row.get("done").asBoolean());
    }
    assertTrue(Json.parse(lines.get(lines.size() - 1)).get("done").asBoolean());
  }

  @Test
  void theNpzLoadsInNumpyWithTheDocumentedLoader() throws Exception {
    List<Replay> replays = new ArrayList<>();
    for (long seed = 1; seed <= 3; seed++) {
      replays.add(played("hockey", seed));
    }
    Path file = dir.resolve("learning.npz");
    int rows = 0;
    double rewards = 0;
    int done = 0;
    try (OutputStream out = Files.newOutputStream(file)) {
      // small chunks: the loader must go through several
      LearningData data = new LearningData(LearningData.Format.NPZ, "hockey", out, 100);
      for (Replay replay : replays) {
        data.add(UUID.randomUUID(), replay, Map.of(0, "red", 1, "blue"));
        for (Transitions.Transition t : new Transitions().of(replay)) {
          rows++;
          rewards += t.reward();
          done += t.done() ? 1 : 0;
        }
      }
      data.finish();
    }

    String loader = documentedLoader();
    String printed = python(loader, file);
    assertEquals(rows + " rows; policy weights (18, 4)", printed.strip(), loader);

    String summary =
        python(
            String.join(
                "\n",
                "import sys, json",
                "import numpy as np",
                "d = np.load(sys.argv[1])",
                "n = int(d['chunks'])",
                "cat = lambda name: np.concatenate([d[f'{name}_{k}'] for k in range(n)])",
                "print(json.dumps({'chunks': n, 'rows': len(cat('reward')),",
                "  'reward': float(cat('reward').sum()), 'done': int(cat('done').sum()),",
                "  'obs0': [float(x) for x in d['obs_0'][0]], 'step0': int(d['step_0'][0]),",
                "  'episodes': len(d['matches']), 'bots': sorted(str(b) for b in d['bots']),",
                "  'game': str(d['game'][0]), 'dtype': str(d['obs_0'].dtype)}))"),
            file);
    JsonNode s = Json.parse(summary);
    // a match is never split: one chunk each here
    assertEquals(3, s.get("chunks").asInt(), "several chunks: " + s);
    assertEquals(rows, s.get("rows").asInt());
    assertEquals(rewards, s.get("reward").asDouble(), 1e-3);
    assertEquals(done, s.get("done").asInt());
    assertEquals(3, s.get("episodes").asInt());
    assertEquals("[\"blue\",\"red\"]", s.get("bots").toString());
    assertEquals("hockey", s.get("game").asText());
    assertEquals("float32", s.get("dtype").asText());
    assertEquals(1, s.get("step0").asInt());
    JsonNode first = new Transitions().of(replays.get(0)).get(0).observation();
    for (int i = 0; i < first.size(); i++) {
      assertEquals(
          (float) first.get(i).asDouble(), (float) s.get("obs0").get(i).asDouble(), "obs " + i);
    }
  }

  @Test
  void npyHeadersAreAlignedAsNumpyWantsThem() {
    for (int[] shape : new int[][] {{}, {7}, {123456, 18}}) {
      byte[] header = NpyArrays.header("<f4", shape);
      assertEquals(0, header.length % 64, "the data starts 64-byte aligned");
      assertEquals('\n', header[header.length - 1]);
    }
    String text = new String(NpyArrays.header("<i4", new int[] {7}), StandardCharsets.US_ASCII);
    assertTrue(text.contains("'shape': (7,), }"), text);
  }

  /** The first python block after docs/games.md's "## Learning data". */
  static String documentedLoader() throws Exception {
    String docs = Files.readString(Path.of("..", "docs", "games.md"));
    int section = docs.indexOf("## Learning data");
    assertTrue(section >= 0, "docs/games.md has a Learning data section");
    int start = docs.indexOf("```python\n", section) + "```python\n".length();
    int end = docs.indexOf("```", start);
    return docs.substring(start, end);
  }

  /** Runs {@code code} with python3, the file as its argument; what it printed. */
  static String python(String code, Path file) throws Exception {
    Path script = Files.createTempFile("loader", ".py");
    Files.writeString(script, code);
    Process p =
        new ProcessBuilder("python3", script.toString(), file.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS), "python3 ran too long");
    assertEquals(0, p.exitValue(), out);
    Files.delete(script);
    return out;
  }
}

package org.botarena.games.local;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.botarena.games.replay.Replay;
import org.botarena.games.replay.ReplayVerifier;
import org.botarena.protocol.Json;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class LocalMainTest {

  @TempDir Path dir;

  @ParameterizedTest
  @CsvSource({
    "simple,greedy,random",
    "rps,counter,random",
    "connect4,tactical,random",
    "hockey,strong,weak"
  })
  void housesPlayEveryGameAndTheReplaysVerify(String game, String p1, String p2) throws Exception {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    int code =
        LocalMain.run(
            new String[] {
              "--game",
              game,
              "--p1",
              "house:" + p1,
              "--p2",
              "house:" + p2,
              "--games",
              "3",
              "--seed",
              "20",
              "--json",
              "--replays",
              dir.toString()
            },
            new PrintStream(out, true, StandardCharsets.UTF_8),
            new PrintStream(new ByteArrayOutputStream()));
    assertEquals(0, code);
    JsonNode summary = Json.parse(out.toString(StandardCharsets.UTF_8));
    JsonNode first = summary.get("players").get(0);
    assertEquals("house:" + p1, first.get("name").asText());
    assertEquals(
        3, first.get("wins").asInt() + first.get("losses").asInt() + first.get("draws").asInt());
    for (int seed = 20; seed < 23; seed++) {
      try (InputStream in = Files.newInputStream(dir.resolve(game + "-" + seed + ".jsonl.gz"))) {
        assertTrue(new ReplayVerifier().verify(Replay.read(in)).ok());
      }
    }
  }

  @Test
  void badArgumentsAreExplained() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    PrintStream print = new PrintStream(err, true, StandardCharsets.UTF_8);
    assertEquals(
        2, LocalMain.run(new String[] {"--game", "hockey", "--p1", "house:nobody"}, print, print));
    assertTrue(err.toString().contains("no house bot 'nobody'"), err.toString());
    assertEquals(2, LocalMain.run(new String[] {"--games", "x", "--game", "rps"}, print, print));
    assertTrue(err.toString().contains("--games must be a number"), err.toString());
    assertEquals(2, LocalMain.run(new String[] {"--p1", "human"}, print, print));
  }
}

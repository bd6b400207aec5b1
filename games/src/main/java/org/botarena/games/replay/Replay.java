package org.botarena.games.replay;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.botarena.protocol.Json;

/**
 * A recorded game: a header, the initial state, one frame per step, and how it ended. Stored as
 * gzip-compressed JSON lines: {@code header}, {@code start} (initial state), {@code frame}s, {@code
 * end}.
 *
 * @param header the set-up
 * @param initial the state before the first step
 * @param frames one per step
 * @param end the outcome as JSON ({@code reason}, {@code winners}, {@code scores}), or null while
 *     the game runs
 */
public record Replay(
    ReplayHeader header, ObjectNode initial, List<ReplayFrame> frames, ObjectNode end) {

  public Replay {
    frames = List.copyOf(frames);
  }

  public byte[] toGzipJsonLines() {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    write(bytes);
    return bytes.toByteArray();
  }

  public void write(OutputStream out) {
    List<byte[]> lines = new ArrayList<>(frames.size());
    frames.forEach(f -> lines.add(Json.write(f.toJson()).getBytes(StandardCharsets.UTF_8)));
    write(out, header, initial, lines, end);
  }

  /** Writes a replay whose frames are JSON lines already (UTF-8, without the newline). */
  static void write(
      OutputStream out,
      ReplayHeader header,
      ObjectNode initial,
      List<byte[]> frameLines,
      ObjectNode end) {
    try (OutputStream gzip = new GZIPOutputStream(out, 8192)) {
      line(gzip, header.toJson());
      ObjectNode start = Json.object().put("type", "start");
      start.set("state", initial);
      line(gzip, start);
      for (byte[] frame : frameLines) {
        gzip.write(frame);
        gzip.write('\n');
      }
      if (end != null) {
        line(gzip, end.deepCopy().put("type", "end"));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void line(OutputStream out, JsonNode json) throws IOException {
    out.write(Json.write(json).getBytes(StandardCharsets.UTF_8));
    out.write('\n');
  }

  /** Reads what {@link #write} wrote; a malformed replay is an {@link IllegalArgumentException}. */
  public static Replay read(InputStream gzipped) {
    ReplayHeader header = null;
    ObjectNode initial = null;
    ObjectNode end = null;
    List<ReplayFrame> frames = new ArrayList<>();
    try (BufferedReader reader =
        new BufferedReader(
            new InputStreamReader(new GZIPInputStream(gzipped), StandardCharsets.UTF_8))) {
      String text;
      int number = 0;
      while ((text = reader.readLine()) != null) {
        number++;
        JsonNode json = Json.parse(text);
        String type = json.path("type").asText();
        switch (type) {
          case "header" -> header = ReplayHeader.fromJson(json);
          case "start" -> initial = (ObjectNode) json.get("state");
          case "frame" -> frames.add(ReplayFrame.fromJson(json));
          case "end" -> end = ((ObjectNode) json.deepCopy()).without("type");
          default ->
              throw new IllegalArgumentException(
                  "replay line " + number + ": unknown type '" + type + "'");
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (header == null || initial == null) {
      throw new IllegalArgumentException("replay has no header or no start line");
    }
    return new Replay(header, initial, frames, end);
  }
}

package org.botarena.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.botarena.arena.matches.LearningData;
import org.botarena.arena.matches.ReplayExport;
import org.botarena.games.Games;
import org.botarena.games.replay.Replay;
import org.botarena.games.spi.Game;
import org.botarena.games.spi.GameType;

/**
 * {@code GET /arena/api/replays/export?game=&bot=&from=&to=&min_rating=&max_rating=&max=&format=}:
 * the replays of the matching finished matches as one ZIP, streamed as it is written (one {@code
 * .jsonl.gz} per match), or with {@code format=jsonl} or {@code format=npz} as learning data (one
 * row per spot and decision: observation, action, reward, end flag; {@link LearningData}). The
 * number of matches is sent first in {@code X-Arena-Matches} and the archive's expected size in
 * {@code X-Arena-Bytes}, so a client can show its progress as the bytes arrive (the matches page
 * does). Training and tournament games are everybody's; a signed-in user's archive also holds their
 * team's debug games. Anonymous requests get at most {@value #ANONYMOUS_MAX} replays.
 */
@Path("replays/export")
public class ReplayExportResource {

  private static final int MAX = 100_000;

  /**
   * What an anonymous request may export (and gets without {@code max}): a sample, not the archive.
   */
  static final int ANONYMOUS_MAX = 100;

  /**
   * A ZIP entry's local header, data descriptor and central record with its 52-byte name, twice.
   */
  private static final int ENTRY_OVERHEAD = 30 + 16 + 46 + 2 * 52;

  @Inject ReplayExport export;
  @Context SecurityContext security;

  @GET
  public Response export(
      @QueryParam("game") String game,
      @QueryParam("bot") String bot,
      @QueryParam("from") String from,
      @QueryParam("to") String to,
      @QueryParam("max") Integer max,
      @QueryParam("min_rating") String minRating,
      @QueryParam("max_rating") String maxRating,
      @QueryParam("format") String format) {
    String user = ReplayResource.username(security);
    ReplayExport.Filter filter;
    try {
      filter =
          new ReplayExport.Filter(
              blankToNull(game),
              blankToNull(bot),
              instant("from", from),
              instant("to", to),
              limit(max, user != null),
              rating("min_rating", minRating),
              rating("max_rating", maxRating));
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    String word = format == null || format.isBlank() ? "zip" : format.trim();
    if (!word.equals("zip")) {
      LearningData.Format learning = LearningData.Format.of(word);
      if (learning == null) {
        throw new BadRequestException("format is zip, jsonl or npz, got " + format);
      }
      return learning(learning, filter, user);
    }
    List<ReplayExport.Entry> matches = export.matches(filter, user);
    StreamingOutput zip =
        out -> {
          try (ZipOutputStream archive = new ZipOutputStream(out)) {
            archive.setLevel(0); // the replays are compressed already
            for (ReplayExport.Entry entry : matches) {
              archive.putNextEntry(new ZipEntry("match-" + entry.match() + ".jsonl.gz"));
              archive.write(export.replay(entry.match()));
              archive.closeEntry();
            }
          }
        };
    return Response.ok(zip, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"replays.zip\"")
        .header("X-Arena-Matches", matches.size())
        .header("X-Arena-Bytes", expectedBytes(matches))
        .build();
  }

  /**
   * The learning data of the matching matches, streamed match by match ({@code X-Arena-Matches}
   * says how many). The {@code .npz} holds one game, whose observations and actions are arrays of
   * numbers.
   */
  private Response learning(LearningData.Format format, ReplayExport.Filter filter, String user) {
    if (format == LearningData.Format.NPZ) {
      requireNumeric(filter.gameType());
    }
    List<ReplayExport.Entry> matches = export.matches(filter, user);
    StreamingOutput rows =
        out -> {
          LearningData data = new LearningData(format, filter.gameType(), out);
          for (ReplayExport.Entry entry : matches) {
            data.add(
                entry.match(),
                Replay.read(new java.io.ByteArrayInputStream(export.replay(entry.match()))),
                export.players(entry.match(), filter));
          }
          data.finish();
        };
    return Response.ok(rows, format.mediaType)
        .header("Content-Disposition", "attachment; filename=\"" + format.fileName + "\"")
        .header("X-Arena-Matches", matches.size())
        .build();
  }

  /** A {@code .npz} needs one game whose observations and actions are arrays of numbers. */
  static void requireNumeric(String game) {
    if (game == null) {
      throw new BadRequestException("format=npz needs game= (one game's arrays per file)");
    }
    if (!Games.exists(game)) {
      throw new BadRequestException("unknown game " + game);
    }
    GameType type = Games.type(game);
    Game sample = type.create(type.config(null), 1);
    int spot = sample.playing().isEmpty() ? 0 : sample.playing().get(0);
    if (!LearningData.numeric(sample.observation(spot))
        || !LearningData.numeric(sample.noop(spot))) {
      throw new BadRequestException(
          game + "'s observations or actions are not arrays of numbers: use format=jsonl");
    }
  }

  private static Double rating(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      double rating = Double.parseDouble(value.trim());
      if (!Double.isFinite(rating)) {
        throw new NumberFormatException();
      }
      return rating;
    } catch (NumberFormatException e) {
      throw new BadRequestException(name + " must be a number such as 12.5, got " + value);
    }
  }

  /**
   * How many replays a request gets: up to {@value #MAX} for a signed-in user (all of them by
   * default), up to {@value #ANONYMOUS_MAX} anonymously (each one is read from the database and
   * streamed: an anonymous export of everything is an easy way to keep an instance busy).
   */
  static int limit(Integer max, boolean signedIn) {
    int cap = signedIn ? MAX : ANONYMOUS_MAX;
    int limit = max == null ? cap : max;
    if (limit < 1 || limit > cap) {
      throw new IllegalArgumentException(
          signedIn
              ? "max is 1 to " + MAX
              : "max is 1 to "
                  + ANONYMOUS_MAX
                  + " without signing in (signed in: up to "
                  + MAX
                  + ")");
    }
    return limit;
  }

  /**
   * About the archive's size, for a progress bar (the stream has no Content-Length): the replays,
   * stored uncompressed (level 0 adds 5 bytes a 16 kB block), and each entry's headers and name.
   */
  static long expectedBytes(List<ReplayExport.Entry> matches) {
    long bytes = 22; // end of the central directory
    for (ReplayExport.Entry entry : matches) {
      bytes += entry.bytes() + 5 * (entry.bytes() / 16_384 + 1) + ENTRY_OVERHEAD;
    }
    return bytes;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  private static Instant instant(String name, String value) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Instant.parse(value.trim());
    } catch (DateTimeParseException e) {
      throw new BadRequestException(
          name + " must be an ISO-8601 instant like 2026-11-01T00:00:00Z, got " + value);
    }
  }
}

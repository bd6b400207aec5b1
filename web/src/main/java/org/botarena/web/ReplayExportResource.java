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
import org.botarena.arena.matches.ReplayExport;

/**
 * {@code GET /arena/api/replays/export?game=&bot=&from=&to=&max=}: the replays of the matching
 * finished matches as one ZIP, streamed as it is written (one {@code .jsonl.gz} per match). The
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
      @QueryParam("max") Integer max) {
    String user = ReplayResource.username(security);
    int limit;
    try {
      limit = limit(max, user != null);
    } catch (IllegalArgumentException e) {
      throw new BadRequestException(e.getMessage());
    }
    List<ReplayExport.Entry> matches =
        export.matches(
            new ReplayExport.Filter(
                blankToNull(game),
                blankToNull(bot),
                instant("from", from),
                instant("to", to),
                limit),
            user);
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

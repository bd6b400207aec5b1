package org.botarena.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.botarena.arena.application.ReplayExport;

/**
 * {@code GET /arena/api/replays/export?game=&bot=&from=&to=&max=}: the replays of the matching
 * finished matches as one ZIP, streamed as it is written (one {@code .jsonl.gz} per match). The
 * number of matches is sent first in {@code X-Arena-Matches}, so a client can show its progress as
 * the entries arrive.
 */
@Path("replays/export")
public class ReplayExportResource {

  private static final int MAX = 100_000;

  @Inject ReplayExport export;

  @GET
  public Response export(@QueryParam("game") String game, @QueryParam("bot") String bot,
      @QueryParam("from") String from, @QueryParam("to") String to, @QueryParam("max") Integer max) {
    int limit = max == null ? MAX : max;
    if (limit < 1 || limit > MAX) {
      throw new BadRequestException("max is 1 to " + MAX);
    }
    List<UUID> matches = export.matches(new ReplayExport.Filter(blankToNull(game), blankToNull(bot),
        instant("from", from), instant("to", to), limit));
    StreamingOutput zip = out -> {
      try (ZipOutputStream archive = new ZipOutputStream(out)) {
        archive.setLevel(0); // the replays are compressed already
        for (UUID match : matches) {
          archive.putNextEntry(new ZipEntry("match-" + match + ".jsonl.gz"));
          archive.write(export.replay(match));
          archive.closeEntry();
        }
      }
    };
    return Response.ok(zip, "application/zip")
        .header("Content-Disposition", "attachment; filename=\"replays.zip\"")
        .header("X-Arena-Matches", matches.size())
        .build();
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
      throw new BadRequestException(name + " must be an ISO-8601 instant like 2026-11-01T00:00:00Z, got " + value);
    }
  }
}

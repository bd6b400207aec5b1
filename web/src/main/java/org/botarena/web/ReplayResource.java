package org.botarena.web;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.zip.GZIPOutputStream;
import org.botarena.arena.matches.ReplayService;

/**
 * {@code GET /arena/api/matches/{id}/replay}: a finished match's replay as stored (JSON lines,
 * gzip-compressed; docs/games.md), for download and for feeding back into a bot locally ({@code
 * ./arena local --repeat}). Debug-arena games are served to their team's members only (the portal's
 * session says who asks).
 */
@Path("matches/{id}")
public class ReplayResource {

  @Inject ReplayService replays;

  @Context SecurityContext security;

  @GET
  @Path("replay")
  public Response replay(@PathParam("id") String id) {
    UUID match = match(id);
    byte[] replay =
        replays.replayFor(match, user()).orElseThrow(() -> new NotFoundException(noReplay(id)));
    return Response.ok(replay, "application/gzip")
        .header("Content-Disposition", "attachment; filename=\"match-" + match + ".jsonl.gz\"")
        .build();
  }

  /**
   * {@code GET /arena/api/matches/{id}/frames}: the replay viewer's JSON (states, actions and
   * observations per step), gzip-compressed when the browser accepts it (a 250-step hockey game is
   * about 1 MB of JSON, 150 kB compressed).
   */
  @GET
  @Path("frames")
  @Produces(MediaType.APPLICATION_JSON)
  public Response frames(
      @PathParam("id") String id, @HeaderParam("Accept-Encoding") String accepted) {
    String view =
        replays.viewFor(match(id), user()).orElseThrow(() -> new NotFoundException(noReplay(id)));
    byte[] json = view.getBytes(StandardCharsets.UTF_8);
    if (accepted == null || !accepted.contains("gzip")) {
      return Response.ok(json).build();
    }
    ByteArrayOutputStream zipped = new ByteArrayOutputStream(json.length / 4);
    try (GZIPOutputStream gzip = new GZIPOutputStream(zipped)) {
      gzip.write(json);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return Response.ok(zipped.toByteArray())
        .header("Content-Encoding", "gzip")
        .header("Vary", "Accept-Encoding")
        .build();
  }

  private String user() {
    return username(security);
  }

  /** Who asks, from the portal's session (null: nobody signed in). */
  public static String username(SecurityContext security) {
    return security.getUserPrincipal() == null ? null : security.getUserPrincipal().getName();
  }

  private static UUID match(String id) {
    try {
      return UUID.fromString(id);
    } catch (IllegalArgumentException e) {
      throw new NotFoundException("no match " + id);
    }
  }

  /**
   * Old training and debug replays are dropped by the retention policy; the match's result stays.
   */
  private static String noReplay(String id) {
    return "no replay of match "
        + id
        + " (or it was dropped by the retention policy: docs/operations.md, \"Storage\")";
  }
}

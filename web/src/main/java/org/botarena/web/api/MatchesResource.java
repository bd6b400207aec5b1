package org.botarena.web.api;

import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.SecurityContext;
import jakarta.ws.rs.core.UriInfo;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.botarena.arena.matches.EndState;
import org.botarena.arena.matches.MatchFilter;
import org.botarena.arena.matches.MatchHistory;
import org.botarena.arena.matches.MatchState;
import org.botarena.arena.matches.MatchSummary;
import org.botarena.web.ReplayResource;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/matches}: the match history (training and tournament games, newest first, with the
 * portal's filters) and one match with its players and replay link; a debug arena's game is served
 * by id to its team's members only.
 */
@Path("v1/matches")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "matches", description = "Matches: the history with filters, one match")
public class MatchesResource {

  /** A match. */
  @Schema(
      name = "Match",
      description =
          "A match. state: QUEUED, RUNNING, FINISHED or FAILED; end_state: WIN, DRAW, DISCONNECTED,"
              + " TIMEOUT, INVALID_ACTION, ABORTED or DROPPED, with end_reason (normal, step_cap,"
              + " timeout, ...); arena: the training arena's or a tournament's name; url: this"
              + " match in the API; replay: the stored replay's download (.jsonl.gz) and viewer:"
              + " the portal's replay viewer, both null when no replay is kept.")
  public record Match(
      String id,
      String arena,
      String game,
      String state,
      int attempt,
      Instant created,
      Instant started,
      Instant ended,
      String endState,
      String endReason,
      Integer steps,
      List<Player> players,
      String url,
      String replay,
      String viewer) {

    static Match of(MatchSummary m, Links links) {
      return new Match(
          m.id(),
          m.arena(),
          m.gameType(),
          m.state(),
          m.attempt(),
          m.created(),
          m.started(),
          m.ended(),
          m.endState(),
          m.endReason(),
          m.steps(),
          m.players().stream().map(p -> Player.of(p, links)).toList(),
          links.api("v1/matches/" + m.id()),
          m.replay() ? links.api("matches/" + m.id() + "/replay") : null,
          m.replay() ? links.portal("replay.xhtml?match=" + m.id()) : null);
    }
  }

  /** A spot of a match: the bot, its name at the time, its result and score. */
  @Schema(
      name = "MatchPlayer",
      description =
          "A spot of a match: the bot, its name when it played, its result (win, loss, draw; null"
              + " while the match runs), its score; url: the bot in the API.")
  public record Player(int spot, long botId, String name, String result, Double score, String url) {

    static Player of(MatchSummary.Player p, Links links) {
      return new Player(
          p.spot(), p.botId(), p.name(), p.result(), p.score(), links.api("v1/bots/" + p.botId()));
    }
  }

  /** The schema of a page of matches (OpenAPI needs the item type spelt out). */
  @Schema(name = "MatchPage")
  public record MatchPage(List<Match> items, int offset, int limit, String next) {}

  @Inject MatchHistory history;
  @Context SecurityContext security;
  @Context Request request;
  @Context UriInfo uri;

  @GET
  @Operation(
      summary = "The match history, newest first",
      description =
          "Training and tournament matches (a debug arena's never appear here), filtered as on the"
              + " portal's matches page; one page of at most 500.")
  @APIResponse(
      responseCode = "200",
      description = "a page of matches",
      content = @Content(schema = @Schema(implementation = MatchPage.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  public Response matches(
      @Parameter(description = "a game type, e.g. simple") @QueryParam("game") String game,
      @Parameter(description = "a bot's id: its matches") @QueryParam("bot") String bot,
      @Parameter(description = "part of a player's name at match time (case-insensitive)")
          @QueryParam("name")
          String name,
      @Parameter(description = "QUEUED, RUNNING, FINISHED or FAILED") @QueryParam("state")
          String state,
      @Parameter(description = "WIN, DRAW, DISCONNECTED, TIMEOUT, INVALID_ACTION, ABORTED, DROPPED")
          @QueryParam("end_state")
          String endState,
      @Parameter(description = "first day (YYYY-MM-DD, UTC) the match was created")
          @QueryParam("from")
          String from,
      @Parameter(description = "last day (YYYY-MM-DD, UTC), inclusive") @QueryParam("to") String to,
      @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "matches skipped, 0 to 10000 (default 0)") @QueryParam("offset")
          String offset) {
    LocalDate first = Params.date("from", from);
    LocalDate last = Params.date("to", to);
    if (first != null && last != null && last.isBefore(first)) {
      throw ApiError.badParameter("to", "to (" + last + ") is before from (" + first + ")");
    }
    MatchFilter filter =
        new MatchFilter(
            Params.text("name", name, 64),
            Params.id("bot", bot),
            Params.game("game", game),
            Params.oneOf("end_state", endState, EndState.class),
            Params.oneOf("state", state, MatchState.class),
            first,
            last);
    Window window = Window.of(limit, offset);
    Links links = new Links(uri);
    List<Match> rows =
        history.matches(filter, window.offset(), window.limit() + 1).stream()
            .map(m -> Match.of(m, links))
            .toList();
    return Answers.ok(request, security, Page.of(rows, window, uri));
  }

  @GET
  @Path("{id}")
  @Operation(
      summary = "One match with its players",
      description =
          "A training or tournament match for everybody; a debug arena's match only for the"
              + " members of its owner's team (signed in to the portal), 404 for anybody else.")
  @APIResponse(
      responseCode = "200",
      description = "the match",
      content = @Content(schema = @Schema(implementation = Match.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "no such match (or not the caller's to see)",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response match(
      @Parameter(description = "the match's id (a UUID)") @PathParam("id") String id) {
    String user = ReplayResource.username(security);
    MatchSummary match =
        history
            .match(Params.uuid("id", id), user)
            .orElseThrow(() -> ApiError.notFound("no match " + id));
    return Answers.ok(request, security, Match.of(match, new Links(uri)));
  }
}

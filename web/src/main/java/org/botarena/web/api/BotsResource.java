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
import java.util.List;
import org.botarena.arena.bots.BotStats;
import org.botarena.arena.latency.StepLatencies;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/bots/{id}}: a bot's public data (what its portal page shows) and, per game, its
 * rating history (the bot page's chart reads it).
 */
@Path("v1/bots/{id}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "bots", description = "A bot, its ratings and rating histories")
public class BotsResource {

  /** A bot. */
  @Schema(
      name = "Bot",
      description =
          "A bot: deleted is null while it exists; house names the house bot it is (null for a"
              + " team's bot); online: connected now; matches: its matches in the API.")
  public record Bot(
      long id,
      String name,
      long teamId,
      String team,
      Instant created,
      Instant deleted,
      String house,
      boolean online,
      List<Rating> ratings,
      String matches) {}

  /** A bot's rating in one game. */
  @Schema(
      name = "Rating",
      description =
          "A bot's rating in one game: score is mu - 3 sigma (the leaderboard's order); history:"
              + " its rating history in the API.")
  public record Rating(
      String game,
      double mu,
      double sigma,
      double score,
      int games,
      int wins,
      int losses,
      int draws,
      int disconnects,
      double points,
      String history) {}

  /** The rating after one rated match. */
  @Schema(
      name = "RatingPoint",
      description = "The rating after one rated match (match: its id); score is mu - 3 sigma.")
  public record Point(Instant at, double mu, double sigma, double score, String match) {}

  /** The schema of a page of a rating history. */
  @Schema(name = "RatingHistoryPage")
  public record HistoryPage(List<Point> items, int offset, int limit, String next) {}

  /**
   * One window of a bot's step times in one game under one name (the bot page's panel); the
   * percentiles' names carry no unit: JSON-B's snake case puts no underscore after a digit ({@code
   * p99Ms} came out {@code p99ms}).
   */
  @Schema(
      name = "LatencyLine",
      description =
          "A bot's step times under one name in one game over one window ('last day' or 'last"
              + " 1,000 steps'): p50, p95, p99 in ms to within 6.25% (never below the true value),"
              + " a missed step counted as its deadline; margin_ms: the smallest deadline in force"
              + " minus p99.")
  public record LatencyLine(
      String name,
      String game,
      String window,
      int games,
      long steps,
      int timeouts,
      double p50,
      double p95,
      double p99,
      int deadlineMs,
      double marginMs) {}

  /** The schema of a bot's latency panel. */
  @Schema(
      name = "Latency",
      description =
          "A bot's step times per name, game and window; capped: only its last max_games games"
              + " were read.")
  public record Latency(List<LatencyLine> items, boolean capped, int maxGames) {}

  @Inject BotStats stats;
  @Inject StepLatencies latencies;
  @Context SecurityContext security;
  @Context Request request;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "A bot: team, status and its rating in each game")
  @APIResponse(
      responseCode = "200",
      description = "the bot",
      content = @Content(schema = @Schema(implementation = Bot.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "no such bot",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response bot(@Parameter(description = "the bot's id") @PathParam("id") String id) {
    BotStats.Profile p = profile(id);
    Links links = new Links(uri);
    List<Rating> ratings =
        p.ratings().stream()
            .map(
                r ->
                    new Rating(
                        r.gameType(),
                        r.mu(),
                        r.sigma(),
                        r.getScore(),
                        r.games(),
                        r.wins(),
                        r.losses(),
                        r.draws(),
                        r.disconnects(),
                        r.points(),
                        links.api("v1/bots/" + p.id() + "/ratings/" + r.gameType() + "/history")))
            .toList();
    return Answers.ok(
        request,
        security,
        new Bot(
            p.id(),
            p.name(),
            p.teamId(),
            p.team(),
            p.created(),
            p.deleted(),
            p.house(),
            p.online(),
            ratings,
            links.api("v1/matches?bot=" + p.id())));
  }

  @GET
  @Path("ratings/{game}/history")
  @Operation(
      summary = "A bot's rating history in one game, newest first",
      description = "mu and sigma after each rated match; one page of at most 500 points.")
  @APIResponse(
      responseCode = "200",
      description = "a page of the history",
      content = @Content(schema = @Schema(implementation = HistoryPage.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "no such bot or game",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response history(
      @Parameter(description = "the bot's id") @PathParam("id") String id,
      @Parameter(description = "a game type, e.g. simple") @PathParam("game") String game,
      @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "points skipped, 0 to 10000 (default 0)") @QueryParam("offset")
          String offset) {
    Window window = Window.of(limit, offset);
    BotStats.Profile p = profile(id);
    List<Point> points =
        stats
            .ratingHistory(p.id(), Params.knownGame(game), window.offset(), window.limit() + 1)
            .stream()
            .map(
                h ->
                    new Point(
                        h.at(),
                        h.mu(),
                        h.sigma(),
                        org.botarena.arena.ratings.Rating.score(h.mu(), h.sigma()),
                        h.matchId()))
            .toList();
    return Answers.ok(request, security, Page.of(points, window, uri));
  }

  @GET
  @Path("latency")
  @Operation(
      summary = "A bot's step times: p50/p95/p99, margin to the deadline, timeouts",
      description =
          "Per name and game, over the last day and over the last 1,000 steps (the bot page's"
              + " panel; docs/protocol.md).")
  @APIResponse(
      responseCode = "200",
      description = "the bot's step times",
      content = @Content(schema = @Schema(implementation = Latency.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "no such bot",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response latency(@Parameter(description = "the bot's id") @PathParam("id") String id) {
    StepLatencies.Panel panel = latencies.panel(profile(id).id());
    List<LatencyLine> lines =
        panel.lines().stream()
            .map(
                l ->
                    new LatencyLine(
                        l.name(),
                        l.gameType(),
                        l.window(),
                        l.games(),
                        l.steps(),
                        l.timeouts(),
                        l.p50Ms(),
                        l.p95Ms(),
                        l.p99Ms(),
                        l.deadlineMs(),
                        l.marginMs()))
            .toList();
    return Answers.ok(request, security, new Latency(lines, panel.capped(), panel.maxGames()));
  }

  private BotStats.Profile profile(String id) {
    long bot = Params.id("id", id);
    return stats.profile(bot).orElseThrow(() -> ApiError.notFound("no bot " + bot));
  }
}

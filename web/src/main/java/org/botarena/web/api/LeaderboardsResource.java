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
import org.botarena.arena.ratings.LeaderboardRow;
import org.botarena.arena.ratings.LeaderboardService;
import org.botarena.arena.ratings.SeasonService;
import org.botarena.games.Games;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/leaderboards}: each game's leaderboard (ranked by mu - 3 sigma, as the portal's),
 * the current season's or an ended one's.
 */
@Path("v1/leaderboards")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "leaderboards", description = "Leaderboards per game and season")
public class LeaderboardsResource {

  /** A game and where its leaderboard is. */
  @Schema(name = "Game")
  public record Game(String game, String leaderboard, String seasons) {}

  /** A season of a game's training arena. */
  @Schema(
      name = "Season",
      description =
          "A season: ended is null for the current one; leaderboard: its board in the API.")
  public record Season(
      int number, Instant started, Instant ended, boolean current, String leaderboard) {}

  /** A line of a leaderboard. */
  @Schema(
      name = "LeaderboardRow",
      description =
          "A bot's line: rank on the whole board (also when searching), score = mu - 3 sigma;"
              + " url: the bot in the API.")
  public record Row(
      int rank,
      long botId,
      String bot,
      String team,
      double mu,
      double sigma,
      double score,
      int games,
      int wins,
      int losses,
      int draws,
      int disconnects,
      double points,
      String url) {

    static Row of(LeaderboardRow r, Links links) {
      return new Row(
          r.rank(),
          r.botId(),
          r.bot(),
          r.team(),
          r.mu(),
          r.sigma(),
          r.score(),
          r.games(),
          r.wins(),
          r.losses(),
          r.draws(),
          r.disconnects(),
          r.points(),
          links.api("v1/bots/" + r.botId()));
    }
  }

  /** A page of a leaderboard. */
  @Schema(
      name = "Leaderboard",
      description =
          "A page of a leaderboard; season: the season shown (null before the game's training"
              + " arena opened); next: the next page's path and query, null on the last page.")
  public record Board(
      String game, Season season, List<Row> items, int offset, int limit, String next) {}

  @Inject LeaderboardService leaderboard;
  @Inject SeasonService seasons;
  @Context SecurityContext security;
  @Context Request request;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The games, each with its leaderboard's path")
  @APIResponse(
      responseCode = "200",
      description = "the games",
      content = @Content(schema = @Schema(implementation = Game[].class)))
  public Response games() {
    Links links = new Links(uri);
    List<Game> games =
        Games.all().stream()
            .map(t -> t.name())
            .sorted()
            .map(
                g ->
                    new Game(
                        g,
                        links.api("v1/leaderboards/" + g),
                        links.api("v1/leaderboards/" + g + "/seasons")))
            .toList();
    return Answers.ok(request, security, games);
  }

  @GET
  @Path("{game}")
  @Operation(
      summary = "A game's leaderboard in the current season, best first",
      description = "One page of at most 500 bots; search narrows it to bots or teams by name.")
  @APIResponse(
      responseCode = "200",
      description = "a page of the leaderboard",
      content = @Content(schema = @Schema(implementation = Board.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "no such game",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response current(
      @Parameter(description = "a game type, e.g. simple") @PathParam("game") String game,
      @Parameter(description = "part of a bot's or team's name (case-insensitive)")
          @QueryParam("search")
          String search,
      @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "bots skipped, 0 to 10000 (default 0)") @QueryParam("offset")
          String offset) {
    String type = Params.knownGame(game);
    Window window = Window.of(limit, offset);
    SeasonService.Season current =
        seasons.seasons(type).stream()
            .filter(SeasonService.Season::current)
            .findFirst()
            .orElse(null);
    return board(type, current, LeaderboardService.CURRENT, search, window);
  }

  @GET
  @Path("{game}/seasons")
  @Operation(summary = "The seasons of a game's training arena, newest first")
  @APIResponse(
      responseCode = "200",
      description = "the seasons (none before the arena first opened)",
      content = @Content(schema = @Schema(implementation = Season[].class)))
  @APIResponse(
      responseCode = "404",
      description = "no such game",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response seasons(
      @Parameter(description = "a game type, e.g. simple") @PathParam("game") String game) {
    String type = Params.knownGame(game);
    Links links = new Links(uri);
    List<Season> all = seasons.seasons(type).stream().map(s -> season(type, s, links)).toList();
    return Answers.ok(request, security, all);
  }

  @GET
  @Path("{game}/seasons/{number}")
  @Operation(
      summary = "A game's leaderboard in one season, best first",
      description = "An ended season's final table, or the current season's board.")
  @APIResponse(
      responseCode = "200",
      description = "a page of the leaderboard",
      content = @Content(schema = @Schema(implementation = Board.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  @APIResponse(
      responseCode = "404",
      description = "no such game or season",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response season(
      @Parameter(description = "a game type, e.g. simple") @PathParam("game") String game,
      @Parameter(description = "the season's number (1, 2, ...)") @PathParam("number")
          String number,
      @Parameter(description = "part of a bot's or team's name (case-insensitive)")
          @QueryParam("search")
          String search,
      @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "bots skipped, 0 to 10000 (default 0)") @QueryParam("offset")
          String offset) {
    String type = Params.knownGame(game);
    int n = Params.number("number", number, 1, Integer.MAX_VALUE, 0);
    Window window = Window.of(limit, offset);
    SeasonService.Season season =
        seasons.seasons(type).stream()
            .filter(s -> s.number() == n)
            .findFirst()
            .orElseThrow(() -> ApiError.notFound("no season " + n + " of " + type));
    return board(
        type, season, season.current() ? LeaderboardService.CURRENT : season.id(), search, window);
  }

  private Response board(
      String game, SeasonService.Season season, long seasonId, String search, Window window) {
    Links links = new Links(uri);
    List<Row> rows =
        leaderboard
            .search(
                game,
                seasonId,
                Params.text("search", search, 64),
                window.offset(),
                window.limit() + 1)
            .stream()
            .map(r -> Row.of(r, links))
            .toList();
    Page<Row> page = Page.of(rows, window, uri);
    return Answers.ok(
        request,
        security,
        new Board(
            game,
            season == null ? null : season(game, season, links),
            page.items(),
            page.offset(),
            page.limit(),
            page.next()));
  }

  private static Season season(String game, SeasonService.Season s, Links links) {
    return new Season(
        s.number(),
        s.startedAt(),
        s.endedAt(),
        s.current(),
        links.api("v1/leaderboards/" + game + "/seasons/" + s.number()));
  }
}

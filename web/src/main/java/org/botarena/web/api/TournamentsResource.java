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
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.botarena.arena.tournaments.TournamentService;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

/**
 * {@code /api/v1/tournaments}: the tournaments, newest first, and one with its levels, groups,
 * standings and games (what the tournament page shows).
 */
@Path("v1/tournaments")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "tournaments", description = "Tournaments and their standings")
public class TournamentsResource {

  /** A tournament's head. */
  @Schema(
      name = "Tournament",
      description =
          "A tournament: format exhaustive or random-draw; phase: where its state machine stands"
              + " (CLOSED when it is over); winner_team: null until it closed; round_winners: each"
              + " finished round's winning bot; opens_at: when it opens (its first round starts"
              + " once two entrants are online); url: its standings in the API.")
  public record Tournament(
      long id,
      String name,
      String game,
      String format,
      int groupSize,
      String phase,
      int round,
      int rounds,
      int level,
      int entrants,
      String winnerTeam,
      List<String> roundWinners,
      Instant opensAt,
      String url) {

    static Tournament of(TournamentService.Summary s, Links links) {
      return new Tournament(
          s.id(),
          s.name(),
          s.gameType(),
          s.format(),
          s.groupSize(),
          s.phase(),
          s.round(),
          s.rounds(),
          s.level(),
          s.entrants(),
          s.winnerTeam(),
          s.roundWinners(),
          s.opensAt(),
          links.api(
              "v1/tournaments/"
                  + URLEncoder.encode(s.name(), StandardCharsets.UTF_8).replace("+", "%20")));
    }
  }

  /** A tournament with every level played or drawn so far, latest round first. */
  @Schema(name = "TournamentStandings")
  public record Standings(Tournament tournament, List<Level> levels) {}

  /** A level of a round. */
  @Schema(name = "TournamentLevel")
  public record Level(int round, int level, int gamesDone, int games, List<Group> groups) {}

  /** A group of a level: its table and its games. */
  @Schema(name = "TournamentGroup")
  public record Group(int number, List<Line> table, List<Game> games) {}

  /** A bot's line in a group's table, best first. */
  @Schema(
      name = "TournamentLine",
      description =
          "A bot's line in a group's table, best first; place is null until the group is over;"
              + " advanced: it goes on to the next level.")
  public record Line(
      String bot,
      String team,
      Double points,
      Integer wins,
      Integer draws,
      Integer losses,
      Integer place,
      boolean advanced) {}

  /** A game of a group. */
  @Schema(
      name = "TournamentGame",
      description =
          "A game of a group: match and url (the match in the API) are null for a walkover;"
              + " outcome says how it stands or ended, in words.")
  public record Game(String first, String second, String match, String outcome, String url) {}

  /** The schema of a page of tournaments. */
  @Schema(name = "TournamentPage")
  public record TournamentPage(List<Tournament> items, int offset, int limit, String next) {}

  @Inject TournamentService tournaments;
  @Context SecurityContext security;
  @Context Request request;
  @Context UriInfo uri;

  @GET
  @Operation(summary = "The tournaments, newest first")
  @APIResponse(
      responseCode = "200",
      description = "a page of tournaments",
      content = @Content(schema = @Schema(implementation = TournamentPage.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(responseCode = "400", ref = SharedResponses.BAD_REQUEST)
  public Response list(
      @Parameter(description = "page size, 1 to 500 (default 50)") @QueryParam("limit")
          String limit,
      @Parameter(description = "tournaments skipped, 0 to 10000 (default 0)") @QueryParam("offset")
          String offset) {
    Window window = Window.of(limit, offset);
    Links links = new Links(uri);
    // an admin creates tournaments one by one: the whole list is short
    List<Tournament> all = tournaments.all().stream().map(t -> Tournament.of(t, links)).toList();
    return Answers.ok(request, security, Page.ofAll(all, window, uri));
  }

  @GET
  @Path("{name}")
  @Operation(summary = "A tournament with its levels, groups, tables and games")
  @APIResponse(
      responseCode = "200",
      description = "the tournament",
      content = @Content(schema = @Schema(implementation = Standings.class)))
  @APIResponse(responseCode = "304", ref = SharedResponses.NOT_MODIFIED)
  @APIResponse(
      responseCode = "404",
      description = "no such tournament",
      content = @Content(schema = @Schema(implementation = ApiError.Body.class)))
  public Response tournament(
      @Parameter(description = "the tournament's name (case-insensitive)") @PathParam("name")
          String name) {
    TournamentService.Summary summary =
        tournaments.find(name).orElseThrow(() -> ApiError.notFound("no tournament " + name));
    Links links = new Links(uri);
    List<Level> levels =
        tournaments.levels(summary.id()).stream().map(l -> level(l, links)).toList();
    return Answers.ok(request, security, new Standings(Tournament.of(summary, links), levels));
  }

  private static Level level(TournamentService.Level l, Links links) {
    return new Level(
        l.round(),
        l.number(),
        l.gamesDone(),
        l.games(),
        l.groups().stream()
            .map(
                g ->
                    new Group(
                        g.number(),
                        g.table().stream()
                            .map(
                                x ->
                                    new Line(
                                        x.bot(),
                                        x.team(),
                                        x.points(),
                                        x.wins(),
                                        x.draws(),
                                        x.losses(),
                                        x.place(),
                                        x.advanced()))
                            .toList(),
                        g.games().stream()
                            .map(
                                x ->
                                    new Game(
                                        x.first(),
                                        x.second(),
                                        x.matchId(),
                                        x.outcome(),
                                        x.matchId() == null
                                            ? null
                                            : links.api("v1/matches/" + x.matchId())))
                            .toList()))
            .toList());
  }
}

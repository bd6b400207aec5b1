/**
 * The public read API, {@code /arena/api/v1/...} (docs/api.md): leaderboards, bots and their rating
 * histories, matches, tournaments, as JSON-B records. Every list is paged with {@code limit} and
 * {@code offset} ({@link org.botarena.web.api.Window}: both capped, so no request buys unbounded
 * work); every answer carries an ETag and a Cache-Control and answers a repeated request with 304
 * ({@link org.botarena.web.api.Answers}); bad parameters are 400 and unknown ids 404, both with a
 * JSON body ({@link org.botarena.web.api.ApiError}). The data comes from the portal's own services
 * (MatchHistory, BotStats, LeaderboardService, SeasonService, TournamentService), so it is what the
 * portal shows, with the portal's visibility: a debug arena's game only for its team's members.
 * Payara's MicroProfile OpenAPI describes it at {@code /openapi}, from the annotations here.
 */
package org.botarena.web.api;

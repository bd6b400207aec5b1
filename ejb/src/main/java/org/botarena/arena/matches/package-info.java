/**
 * Matches: the match and its players (entities), booking one (its QUEUED row, its players and its
 * message on the match queue, in the caller's transaction; used by training matchmaking,
 * tournaments and debug arenas alike), its life after scheduling (claimed, finished, requeued),
 * stored replays and their export, what observers watch, and the portal's match history. Who may
 * see a game is {@code GameVisibility}: debug-arena games stay private to their team.
 */
package org.botarena.arena.matches;

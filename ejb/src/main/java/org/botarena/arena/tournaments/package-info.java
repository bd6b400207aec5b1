/**
 * Tournaments: their formats, group draws and standings, the service the portal calls, and {@code
 * TournamentEngine}, the round state machine the leader drives (it books games through {@code
 * matches}).
 */
package org.botarena.arena.tournaments;

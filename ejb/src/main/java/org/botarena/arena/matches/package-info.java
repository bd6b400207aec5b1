/**
 * Booking a match: its QUEUED row, its players and its message on the match queue, in the caller's
 * transaction; used by training matchmaking, tournaments and debug arenas alike.
 */
package org.botarena.arena.matches;

/**
 * The rules of a step, written once for the server's runner and the local runner: who must act,
 * sequence numbers, deadlines, the no-op on a missed one, forfeits, and house bots standing in (or
 * a forked game's recorded opponent: {@link org.botarena.games.referee.RecordedActions}).
 */
package org.botarena.games.referee;

/**
 * Rock-paper-scissors: simultaneous, first to a number of points (3) wins, capped at a number of
 * rounds (100). Action {@code [m]} (0 rock, 1 paper, 2 scissors); observation {@code [my_score,
 * opponent_score, opponent_last_move or -1]}.
 */
package org.botarena.games.rps;

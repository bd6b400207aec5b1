/**
 * Connect four: turn-based on 7 columns by 6 rows. Action {@code [column]} (0..6); observation the
 * 42 cells row-major, top row first, from the acting spot's view (1 own, -1 opponent, 0 empty).
 */
package org.botarena.games.connect4;

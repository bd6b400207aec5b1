/**
 * Ratings: the OpenSkill calculator and its time weight and sigma growth, applying a finished match
 * exactly once, the leaderboard of a game (current or an ended season's), and seasons.
 */
package org.botarena.arena.ratings;

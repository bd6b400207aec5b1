/**
 * Services not yet in a feature package of their own: matches (claim, lease, finish, requeue),
 * ratings, the leaderboard, replays and their export, bot identity and what observers watch.
 */
package org.botarena.arena.application;

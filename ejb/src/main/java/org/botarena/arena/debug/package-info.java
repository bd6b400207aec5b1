/**
 * Debug arenas: a user's own arena where games are started by hand, spots get tokens of their own,
 * and games are never rated (they book through {@code matches}, with house bots from {@code
 * matchmaking}); and forks of finished games ({@link org.botarena.arena.debug.ReplayForks}), which
 * go on from a step of a game's replay.
 */
package org.botarena.arena.debug;

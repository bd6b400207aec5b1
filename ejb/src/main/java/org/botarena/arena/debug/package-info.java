/**
 * Debug arenas: a user's own arena where games are started by hand, spots get tokens of their own,
 * and games are never rated (they book through {@code matches}, with house bots from {@code
 * matchmaking}).
 */
package org.botarena.arena.debug;

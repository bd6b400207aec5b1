/**
 * Helpers for game authors: a random generator whose state fits in a game's state, a declarative
 * config schema, and the JSON form of a decided outcome inside a state. Nothing here is part of the
 * SPI contract; a game may use it or not.
 */
package org.botarena.games.support;

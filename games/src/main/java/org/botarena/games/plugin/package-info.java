/**
 * Plug-in games: {@link org.botarena.games.plugin.GamesFolder} says where the games folder is and
 * loads its jars at start, {@link org.botarena.games.plugin.GameJars} loads the game types of jars
 * with one class loader and says why a jar is skipped.
 */
package org.botarena.games.plugin;

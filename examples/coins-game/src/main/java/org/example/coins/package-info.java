/**
 * An example plug-in game (docs/games.md, "Writing a game"): take the last coin, turn-based, with
 * two house bots. Built into its own jar, dropped into the games folder, played by {@code
 * PluginsIT}.
 */
package org.example.coins;

/**
 * The local runner behind {@code ./arena local}: plays games between house bots and bots connected
 * over a local WebSocket server speaking the bot protocol, writes their replays, and repeats a
 * recorded game to a bot ({@code --repeat}). Entry point: {@link
 * org.botarena.games.local.LocalMain}.
 */
package org.botarena.games.local;

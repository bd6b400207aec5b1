/**
 * The bot gateway: {@code /arena/ws/bot} (PROTOCOL.md). It authenticates bots, keeps their sessions
 * in the registry, forwards their actions to the games' runners and their frames to them.
 */
package org.botarena.websocket;

/**
 * The local runner's WebSocket server: the bot protocol of PROTOCOL.md (docs/protocol.md) on {@code
 * ws://localhost:PORT/arena/ws/bot}, on Tyrus standalone, so that a student's bot plays unchanged
 * against house bots on a laptop. Any token is accepted. Tyrus is an optional dependency of this
 * module: only this package needs it.
 */
package org.botarena.games.local.ws;

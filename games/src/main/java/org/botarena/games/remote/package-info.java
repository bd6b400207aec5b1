/**
 * House bots as real protocol clients: {@link org.botarena.games.remote.HouseBotClient} connects a
 * built-in bot to a server over WebSocket (PROTOCOL.md), as the demo's house bots do.
 */
package org.botarena.games.remote;

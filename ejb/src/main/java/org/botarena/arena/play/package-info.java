/**
 * The ports between a game's runner and the gateways that hold bots' sockets. A runner and a
 * gateway may be on different instances: {@link org.botarena.arena.play.BotIo} carries {@link
 * org.botarena.arena.play.ToBot} and {@link org.botarena.arena.play.ToRunner} messages directly
 * when both are here, through the broker otherwise.
 */
package org.botarena.arena.play;

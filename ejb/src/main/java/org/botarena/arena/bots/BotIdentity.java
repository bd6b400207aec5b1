package org.botarena.arena.bots;

/** Who a token belongs to, as told to the bot in {@code welcome}. */
public record BotIdentity(long botId, String name, String team) {}

package org.botarena.arena.bots;

/**
 * A bot's tokens were revoked (rotated, revoked, the bot deleted, a debug arena's spot tokens
 * renewed): fired inside the revoking transaction, observed after it commits ({@link BotCutOff}).
 */
public record TokenRevoked(long botId) {}

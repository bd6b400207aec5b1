/**
 * Bots: a team's bots, their tokens (issued, revoked, and the cut-off of a revoked token's socket
 * as a post-commit event), the token-to-bot lookup of a connecting bot, and a bot's page (ratings,
 * rating history, results per name, head-to-head).
 */
package org.botarena.arena.bots;

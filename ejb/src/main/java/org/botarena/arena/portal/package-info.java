/**
 * What the portal shows besides accounts: match history and match pages, a bot's statistics (rating
 * history, results per name, head-to-head), the arena's status, and the admin's resets. Read-only
 * except {@link org.botarena.arena.portal.AdminOperations}. Debug-arena games are private and never
 * listed here.
 */
package org.botarena.arena.portal;

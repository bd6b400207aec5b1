/**
 * The cluster's leader: {@code LeaderLoop} holds the leadership (a PostgreSQL advisory lock, {@code
 * LeaderLock}) and wakes on notifications; each round it runs {@code Housekeeping} (the repairs
 * after deaths and losses), a matchmaking pass and the open tournaments.
 */
package org.botarena.arena.leader;

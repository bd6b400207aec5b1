/**
 * Training-arena matchmaking: the arena (entity), one pass over waiting bots ({@code
 * MatchmakingPass}, run by the leader), the pairing rule, the house bots that fill in for missing
 * opponents, and the arena's status at a glance.
 */
package org.botarena.arena.matchmaking;

/**
 * Training-arena matchmaking: one pass over waiting bots ({@code MatchmakingPass}, run by the
 * leader), the pairing rule, and the house bots that fill in for missing opponents.
 */
package org.botarena.arena.matchmaking;

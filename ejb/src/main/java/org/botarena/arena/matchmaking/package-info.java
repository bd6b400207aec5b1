/**
 * Training-arena matchmaking: the arena (entity), one pass over waiting bots ({@code
 * MatchmakingPass}, run by the leader), the pairing rule ({@code Pairing}) with its strategies'
 * pair qualities ({@code PairQuality}: draw probability, comprl's Gaussian of leaderboard places,
 * expected information gain), the house bots that fill in for missing opponents, and the arena's
 * status at a glance.
 */
package org.botarena.arena.matchmaking;

/**
 * Training-arena matchmaking: the training games ({@code TrainingGames}: one arena per game of
 * {@code arena.training.games}), the arena (entity), an arena's settings in force ({@code
 * TrainingSettings}: its own over the operator's) and their admin ({@code ArenaAdmin}), one pass
 * over an arena's waiting bots ({@code MatchmakingPass}, run by the leader), the pairing rule
 * ({@code Pairing}) with its strategies' pair qualities ({@code PairQuality}: draw probability,
 * comprl's Gaussian of leaderboard places, expected information gain), the cool-down ({@code
 * CoolDown}: in games or in seconds), the house bots that fill in for missing opponents, and the
 * arenas' status at a glance.
 */
package org.botarena.arena.matchmaking;

/**
 * Evaluation runs (issue 20): a team asks for N seeded, unrated games of one of its bots against a
 * fixed suite (each house bot of the game, and the tournament winners whose team allows it), and
 * reads each opponent's win rate with its 95% interval and the probability that the bot's name
 * beats its previous name. The request, the cancel and the team's consent ({@code
 * EvaluationService}), the leader's booking of the games beside the training arena ({@code
 * EvaluationScheduler}, through {@code matches.MatchBooking}), their order, seats and seeds ({@code
 * EvaluationSchedule}), the results ({@code EvaluationResults}) and the statistics ({@code
 * EvaluationMaths}; docs/ratings.md, "Evaluation runs"). The games live in the game's EVALUATION
 * arena, which the rating service never rates.
 */
package org.botarena.arena.evaluations;

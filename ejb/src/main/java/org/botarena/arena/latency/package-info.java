/**
 * Step times: each seat's summary of its bot's step answer times in a match ({@code SeatLatency}
 * over a {@code StepHistogram}, kept by the runner and stored with the match's result), and the bot
 * page's latency panel over them ({@code LatencyPanel}, {@code LatencyTable}): percentiles, the
 * margin to the deadline and timeouts per name and game, for the last day and the last 1,000 steps.
 */
package org.botarena.arena.latency;

/**
 * The match runner: {@code MatchRunnerMdb} claims a match from queue {@code arena.matches}, {@code
 * MatchEngine} plays it driven by bot events, and {@code MatchReports} turns the finished game into
 * the report the match service stores.
 */
package org.botarena.jobs.runner;

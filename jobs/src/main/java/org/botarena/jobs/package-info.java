/**
 * Jobs: {@code runner} plays matches (claimed from queue {@code arena.matches}) driven by events,
 * {@code io} carries bot frames between instances over topic {@code arena.io}, {@code results}
 * subscribes to {@code arena.results} (ratings).
 */
package org.botarena.jobs;

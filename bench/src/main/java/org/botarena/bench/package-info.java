/**
 * Benchmarks and simulations: programs that measure and print numbers ({@code ./arena bench}), kept
 * out of the test suite.
 */
package org.botarena.bench;

/** Benchmarks that are not tests: {@link org.botarena.games.bench.EngineBench}. */
package org.botarena.games.bench;

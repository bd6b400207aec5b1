/**
 * The conformance kit: the properties every {@link org.botarena.games.spi.GameType} must have,
 * checked through the SPI alone (random play-outs, determinism, state round trip, invalid actions,
 * forfeits), so that it checks a lecturer's game as well as the built-in ones. {@link
 * org.botarena.games.conformance.GameConformance} holds the checks, {@link
 * org.botarena.games.conformance.CheckMain} runs them on a jar ({@code ./arena games check JAR}),
 * and the module's tests run them on every game on the class path.
 */
package org.botarena.games.conformance;

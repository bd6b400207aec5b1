/**
 * The game SPI: what a lecturer implements to add a game. A {@link org.botarena.games.spi.GameType}
 * is registered for {@link java.util.ServiceLoader}; it creates {@link
 * org.botarena.games.spi.Game}s from a config and a seed. Observations and actions are JSON
 * (Jackson trees) because they cross the wire unchanged.
 */
package org.botarena.games.spi;

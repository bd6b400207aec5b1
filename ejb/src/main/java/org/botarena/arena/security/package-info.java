/**
 * What the web and socket fronts share to tell clients apart: the client's address behind trusted
 * proxies ({@link org.botarena.arena.security.ClientAddress}) and per-address caps on open sockets
 * ({@link org.botarena.arena.security.AddressCap}).
 */
package org.botarena.arena.security;

/** Training-arena matchmaking: the leader loop, one pass over waiting bots, and the pairing rule. */
package org.botarena.arena.matchmaking;

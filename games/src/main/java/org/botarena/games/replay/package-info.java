/**
 * Replays: a header (game, version, config, seed, players), the initial state, one frame per step
 * (actions by spot and the state after them) and the end, stored as gzip-compressed JSON lines.
 * {@link org.botarena.games.replay.ReplayVerifier} plays a replay again from its header and actions
 * and reports every difference from what was recorded.
 */
package org.botarena.games.replay;

package org.botarena.client;

import java.util.List;
import java.util.Map;

/**
 * A {@code game_start}: which game, which spots this connection controls, against whom.
 *
 * @param game the game's id
 * @param gameType e.g. {@code hockey}
 * @param spots the spots this connection controls
 * @param opponents the other players' names
 * @param config the game's configuration (with {@code deadline_ms} and {@code max_timeouts})
 */
public record GameInfo(
    String game,
    String gameType,
    List<Integer> spots,
    List<String> opponents,
    Map<String, Object> config) {}

package org.botarena.client;

import java.util.Map;

/**
 * A {@code game_end}.
 *
 * @param game the game's id
 * @param result {@code win}, {@code loss}, {@code draw} or {@code aborted}
 * @param reason {@code normal}, {@code disconnect}, {@code timeout}, {@code invalid_action} or
 *     {@code dropped}
 * @param scores spot (as text) to score
 * @param stats the game's statistics
 */
public record GameEnd(
    String game,
    String result,
    String reason,
    Map<String, Object> scores,
    Map<String, Object> stats) {}

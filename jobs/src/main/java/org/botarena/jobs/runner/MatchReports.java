package org.botarena.jobs.runner;

import java.util.HashMap;
import java.util.Map;
import org.botarena.arena.play.MatchReport;
import org.botarena.protocol.Json;

/** Turns a finished game into the report the match service stores (it stores nothing itself). */
final class MatchReports {

  private MatchReports() {}

  static MatchReport of(RunningGame game, String runner) {
    Map<Integer, String> stats = new HashMap<>();
    for (var seat : game.plan().seats()) {
      stats.put(seat.spot(), Json.write(game.game().stats(seat.spot())));
    }
    String dropCause = game.dropCause();
    boolean aborted = game.aborted();
    return new MatchReport(
        game.plan().matchId(),
        game.plan().attempt(),
        runner,
        dropCause == null && !aborted ? game.game().outcome() : null,
        game.game().steps(),
        stats,
        game.recorder().toGzipJsonLines(game.game()),
        dropCause,
        game.plan().debug(),
        aborted,
        game.latency());
  }
}

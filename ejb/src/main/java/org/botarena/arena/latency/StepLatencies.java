package org.botarena.arena.latency;

import jakarta.ejb.Stateless;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.botarena.arena.platform.SqlValues;

/**
 * The stored step times of every seat (table {@code step_latencies}): written with a match's
 * result, read for a bot's latency panel.
 */
@Stateless
public class StepLatencies {

  /**
   * The panel reads at most this many of a bot's newest seats (all its names and games): a bot that
   * played more games than this in a day has its day window cut to them ({@link Panel#capped}).
   */
  public static final int MAX_ROWS = 2_000;

  @PersistenceContext(unitName = "arena")
  EntityManager em;

  /** A bot's latency panel: its lines, and whether {@link #MAX_ROWS} cut what was read. */
  public record Panel(List<LatencyTable.Line> lines, boolean capped) {
    /** The most games read ({@link #MAX_ROWS}). */
    public int maxGames() {
      return MAX_ROWS;
    }
  }

  /** One player of a stored match, as {@link #store} needs it. */
  public record Player(int spot, long botId, String botName) {}

  /**
   * Stores the step times of a match's seats (in the caller's transaction, the one that stores the
   * result): seats with no summary (house bots) or no step are left out.
   */
  public void store(
      UUID matchId, String gameType, List<Player> players, Map<Integer, SeatLatency> latency) {
    for (Player p : players) {
      SeatLatency seat = latency.get(p.spot());
      if (seat == null || seat.steps() == 0) {
        continue;
      }
      em.createNativeQuery(
              "insert into step_latencies (match_id, spot, bot_id, bot_name, game_type,"
                  + " deadline_ms, steps, timeouts, times) values (?1, ?2, ?3, ?4, ?5, ?6, ?7, ?8,"
                  + " ?9)")
          .setParameter(1, matchId)
          .setParameter(2, p.spot())
          .setParameter(3, p.botId())
          .setParameter(4, p.botName())
          .setParameter(5, gameType)
          .setParameter(6, seat.deadlineMs())
          .setParameter(7, (int) Math.min(Integer.MAX_VALUE, seat.steps()))
          .setParameter(8, seat.timeouts())
          .setParameter(9, seat.times().encode())
          .executeUpdate();
    }
  }

  /** A bot's panel: per name and game, the last day and the last 1,000 steps (LatencyTable). */
  public Panel panel(long botId) {
    List<LatencyTable.Row> rows =
        SqlValues.table(
                em.createNativeQuery(
                        "select bot_name, game_type, ended_at > now() - interval '1 day',"
                            + " deadline_ms, timeouts, times from step_latencies where bot_id = ?1"
                            + " order by ended_at desc limit ?2")
                    .setParameter(1, botId)
                    .setParameter(2, MAX_ROWS))
            .map(
                x ->
                    new LatencyTable.Row(
                        (String) x[0],
                        (String) x[1],
                        Boolean.TRUE.equals(x[2]),
                        new SeatLatency(
                            SqlValues.count(x[3]),
                            StepHistogram.decode((String) x[5]),
                            SqlValues.count(x[4]))))
            .toList();
    return new Panel(LatencyTable.of(rows), rows.size() >= MAX_ROWS);
  }
}

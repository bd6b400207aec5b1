package org.botarena.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * The load's settings.
 *
 * @param urls the instances' bot endpoints; bots are spread over them in turn
 * @param db the stack's database (bots and tokens are created there)
 * @param bots how many bots connect
 * @param thinkMs each bot's least think time per step (0: it answers at once)
 * @param thinkMaxMs its most (each step draws uniformly between the two: --think-ms 5-20)
 * @param warmupSeconds played before measuring
 * @param seconds the measured window
 * @param json print JSON only
 * @param pids the stack's PID folder (instance-N.pid), for {@code --live-heap}
 * @param liveHeap compare each instance's live heap by class at the window's start and end
 * @param dropPerMinute percent of the bots whose connection is cut (no close frame) each minute of
 *     the window; each comes back 1-3 s later with the same token, to any instance
 */
record LoadOptions(
    List<String> urls,
    String db,
    int bots,
    long thinkMs,
    long thinkMaxMs,
    int warmupSeconds,
    int seconds,
    boolean json,
    String pids,
    boolean liveHeap,
    double dropPerMinute) {

  static final String USAGE =
      """
      usage: LoadBench --url ws://HOST:PORT/arena/ws/bot[,ws://…] --db JDBC_URL [--bots N] [--think-ms T[-T2]]
                       [--warmup-s W] [--seconds S] [--json] [--pids DIR --live-heap] [--drop-per-minute P]
      Connects N protocol bots to a running stack (they play whatever it schedules with each game's
      random house bot) and reports connected bots, games, steps per second, the turnaround seen by
      the bots, and each instance's own metrics (step latency, CPU, heap). --live-heap: each
      instance's live heap by class (jcmd GC.class_histogram, a full GC) at the window's start and
      end, and the classes that grew most (a soak's leak hunt). --drop-per-minute P: P percent of
      the bots lose their connection each minute and come back 1-3 s later; at the end the stack's
      database is asked whether any match was lost or rated twice.\
      """;

  static LoadOptions parse(String[] args) {
    String urls = null;
    String db = null;
    int bots = 100;
    long think = 0;
    long thinkMax = 0;
    double drop = 0;
    int warmup = 10;
    int seconds = 30;
    boolean json = false;
    String pids = null;
    boolean liveHeap = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> urls = value(args, ++i);
        case "--db" -> db = value(args, ++i);
        case "--bots" -> bots = Integer.parseInt(value(args, ++i));
        case "--think-ms" -> {
          String[] range = value(args, ++i).split("-", 2);
          think = Long.parseLong(range[0]);
          thinkMax = range.length > 1 ? Long.parseLong(range[1]) : think;
        }
        case "--drop-per-minute" -> drop = Double.parseDouble(value(args, ++i));
        case "--warmup-s" -> warmup = Integer.parseInt(value(args, ++i));
        case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
        case "--json" -> json = true;
        case "--pids" -> pids = value(args, ++i);
        case "--live-heap" -> liveHeap = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (urls == null || db == null) {
      throw new IllegalArgumentException("--url and --db are required\n" + USAGE);
    }
    if (bots < 2
        || think < 0
        || thinkMax < think
        || warmup < 0
        || seconds < 1
        || drop < 0
        || drop > 100) {
      throw new IllegalArgumentException(
          "need --bots >= 2, --think-ms T or T-T2 with 0 <= T <= T2, --warmup-s >= 0,"
              + " --seconds >= 1, --drop-per-minute 0..100");
    }
    if (liveHeap && pids == null) {
      throw new IllegalArgumentException("--live-heap needs --pids (./arena bench load passes it)");
    }
    return new LoadOptions(
        Arrays.asList(urls.split(",")),
        db,
        bots,
        think,
        thinkMax,
        warmup,
        seconds,
        json,
        pids,
        liveHeap,
        drop);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}

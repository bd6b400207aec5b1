package org.botarena.bench.load;

import java.util.Arrays;
import java.util.List;

/**
 * The load's settings.
 *
 * @param urls the instances' bot endpoints; bots are spread over them in turn
 * @param db the stack's database (bots and tokens are created there)
 * @param bots how many bots connect
 * @param thinkMs each bot's think time per step (0: it answers at once)
 * @param warmupSeconds played before measuring
 * @param seconds the measured window
 * @param json print JSON only
 */
record LoadOptions(List<String> urls, String db, int bots, long thinkMs, int warmupSeconds, int seconds, boolean json) {

  static final String USAGE = """
      usage: LoadBench --url ws://HOST:PORT/arena/ws/bot[,ws://…] --db JDBC_URL [--bots N] [--think-ms T]
                       [--warmup-s W] [--seconds S] [--json]
      Connects N protocol bots to a running stack (they play whatever it schedules with each game's
      random house bot) and reports connected bots, games, steps per second, the turnaround seen by
      the bots, and each instance's own metrics (step latency, CPU, heap).""";

  static LoadOptions parse(String[] args) {
    String urls = null;
    String db = null;
    int bots = 100;
    long think = 0;
    int warmup = 10;
    int seconds = 30;
    boolean json = false;
    for (int i = 0; i < args.length; i++) {
      switch (args[i]) {
        case "--url" -> urls = value(args, ++i);
        case "--db" -> db = value(args, ++i);
        case "--bots" -> bots = Integer.parseInt(value(args, ++i));
        case "--think-ms" -> think = Long.parseLong(value(args, ++i));
        case "--warmup-s" -> warmup = Integer.parseInt(value(args, ++i));
        case "--seconds" -> seconds = Integer.parseInt(value(args, ++i));
        case "--json" -> json = true;
        default -> throw new IllegalArgumentException("unknown option " + args[i] + "\n" + USAGE);
      }
    }
    if (urls == null || db == null) {
      throw new IllegalArgumentException("--url and --db are required\n" + USAGE);
    }
    if (bots < 2 || think < 0 || warmup < 0 || seconds < 1) {
      throw new IllegalArgumentException("need --bots >= 2, --think-ms >= 0, --warmup-s >= 0, --seconds >= 1");
    }
    return new LoadOptions(Arrays.asList(urls.split(",")), db, bots, think, warmup, seconds, json);
  }

  private static String value(String[] args, int i) {
    if (i >= args.length) {
      throw new IllegalArgumentException(args[i - 1] + " needs a value\n" + USAGE);
    }
    return args[i];
  }
}

package org.botarena.bench.load;

import java.util.concurrent.atomic.LongAdder;
import org.HdrHistogram.Recorder;

/**
 * What all load bots together saw; reset after the warm-up so that only the measured window counts.
 */
final class LoadStats {

  final LongAdder welcomed = new LongAdder();
  final LongAdder gamesStarted = new LongAdder();
  final LongAdder gamesEnded = new LongAdder();
  final LongAdder steps = new LongAdder();
  final LongAdder errors = new LongAdder();
  final LongAdder closed = new LongAdder();

  /** Connections the load dropped on purpose (--drop-per-minute), and how many came back. */
  final LongAdder dropped = new LongAdder();

  final LongAdder reconnected = new LongAdder();

  /** From sending an action to receiving the same spot's next step, in microseconds. */
  final Recorder turnaround = new Recorder(3);

  void reset() {
    gamesStarted.reset();
    gamesEnded.reset();
    steps.reset();
    errors.reset();
    dropped.reset();
    reconnected.reset();
    turnaround.reset();
  }
}

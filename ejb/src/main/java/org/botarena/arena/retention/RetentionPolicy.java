package org.botarena.arena.retention;

/**
 * Which replays are kept (issue 17, docs/operations.md "Storage"). Results and ratings are never
 * dropped, only replays: those of tournament games always stay; a debug or evaluation game's for
 * {@code debugDays}; a training game's for {@code trainingDays}, and after that only if it is one
 * of a player's last {@code keepLastPerBot} training games or falls in the kept sample (one in
 * {@code sampleEvery}, chosen by the match id, so the same replays stay whoever sweeps).
 */
public record RetentionPolicy(
    int trainingDays, int debugDays, int keepLastPerBot, int sampleEvery, int batch) {

  public RetentionPolicy {
    check("arena.retention.training-days", trainingDays, 0, 3650);
    check("arena.retention.debug-days", debugDays, 0, 3650);
    check("arena.retention.keep-last-per-bot", keepLastPerBot, 0, 10_000);
    check("arena.retention.sample-every", sampleEvery, 0, 1_000_000);
    check("arena.retention.batch", batch, 1, 10_000);
  }

  private static void check(String key, int value, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(
          key + " must be in " + min + ".." + max + ", got " + value);
    }
  }
}

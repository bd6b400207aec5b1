package org.botarena.arena.evaluations;

/**
 * The order of an evaluation's games, their seats and seeds. With K opponents, game number g plays
 * opponent g mod K in round g / K, so every opponent has had the same number of games (give or take
 * one) at any time. Round r's game has the same seed against every opponent (common random numbers:
 * the opponents are compared on the same deals), derived from the evaluation's id and r, and the
 * evaluated bot takes spot r mod 2: sides alternate.
 */
public final class EvaluationSchedule {

  /** The most games against one opponent an evaluation may ask for. */
  public static final int MAX_GAMES_PER_OPPONENT = 200;

  private EvaluationSchedule() {}

  /** One game of an evaluation: whom it plays, in which round, on which spot, from which seed. */
  public record Game(int opponent, int round, int botSpot, long seed) {}

  /** Game number {@code gameNo} of evaluation {@code evaluationId} with {@code opponents}. */
  public static Game game(long evaluationId, int gameNo, int opponents) {
    if (opponents < 1 || gameNo < 0) {
      throw new IllegalArgumentException("game " + gameNo + " of " + opponents + " opponents");
    }
    int round = gameNo / opponents;
    return new Game(gameNo % opponents, round, round % 2, seed(evaluationId, round));
  }

  /** SplitMix64 of the evaluation id and round: reproducible, and far apart for close inputs. */
  static long seed(long evaluationId, int round) {
    long z = evaluationId * 0x9E3779B97F4A7C15L + round * 0xBF58476D1CE4E5B9L + 0x632BE59BD9B4E019L;
    z = (z ^ (z >>> 30)) * 0xBF58476D1CE4E5B9L;
    z = (z ^ (z >>> 27)) * 0x94D049BB133111EBL;
    return z ^ (z >>> 31);
  }
}

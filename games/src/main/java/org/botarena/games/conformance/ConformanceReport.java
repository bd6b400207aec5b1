package org.botarena.games.conformance;

import java.util.List;

/**
 * The result of every check of the kit on one game type, in the order they ran.
 *
 * @param game the game type's name
 * @param checks one result per check
 */
public record ConformanceReport(String game, List<Result> checks) {

  /**
   * One check's result.
   *
   * @param name what it checks, e.g. {@code state round trip}
   * @param problem null when it passed, else what the game did wrong
   */
  public record Result(String name, String problem) {
    public boolean passed() {
      return problem == null;
    }
  }

  public ConformanceReport {
    checks = List.copyOf(checks);
  }

  /** Whether every check passed. */
  public boolean conforms() {
    return checks.stream().allMatch(Result::passed);
  }

  public List<Result> failures() {
    return checks.stream().filter(r -> !r.passed()).toList();
  }
}

package org.botarena.games.conformance;

/**
 * A property of the SPI that a game broke, with what was expected and what it did. An {@link
 * AssertionError}, so that a unit test running a check reports it as a failed test.
 */
public final class ConformanceFailure extends AssertionError {

  private static final long serialVersionUID = 1L;

  public ConformanceFailure(String message) {
    super(message);
  }
}

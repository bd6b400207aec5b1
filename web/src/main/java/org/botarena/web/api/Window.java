package org.botarena.web.api;

/**
 * A page's place in a list: {@code offset} rows skipped, at most {@code limit} rows shown. Both are
 * capped, so that no request costs more than one page of {@link #MAX_LIMIT} rows {@link
 * #MAX_OFFSET} rows deep.
 */
public record Window(int offset, int limit) {

  public static final int DEFAULT_LIMIT = 50;
  public static final int MAX_LIMIT = 500;

  /** Deeper than this, narrow the list with its filters (e.g. a match list's {@code to} date). */
  public static final int MAX_OFFSET = 10_000;

  /** The window asked for by the query parameters {@code limit} and {@code offset}. */
  public static Window of(String limit, String offset) {
    return new Window(
        Params.number("offset", offset, 0, MAX_OFFSET, 0),
        Params.number("limit", limit, 1, MAX_LIMIT, DEFAULT_LIMIT));
  }
}

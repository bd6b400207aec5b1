package org.botarena.web.api;

import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;

/**
 * One page of a list: its items, where it starts, and the path of the next page (null on the last).
 */
public record Page<T>(List<T> items, int offset, int limit, String next) {

  /**
   * The page of {@code rows}, which a service read with one row more than the window's limit: that
   * extra row says whether a next page exists.
   */
  static <T> Page<T> of(List<T> rows, Window window, UriInfo uri) {
    if (rows.size() <= window.limit()) {
      return new Page<>(rows, window.offset(), window.limit(), null);
    }
    URI next =
        uri.getRequestUriBuilder()
            .replaceQueryParam("offset", window.offset() + window.limit())
            .replaceQueryParam("limit", window.limit())
            .build();
    return new Page<>(
        List.copyOf(rows.subList(0, window.limit())),
        window.offset(),
        window.limit(),
        next.getRawPath() + "?" + next.getRawQuery());
  }

  /** The page of a list held in memory whole (a short one, such as the tournaments). */
  static <T> Page<T> ofAll(List<T> all, Window window, UriInfo uri) {
    int from = Math.min(window.offset(), all.size());
    int to = Math.min(all.size(), from + window.limit() + 1);
    return of(all.subList(from, to), window, uri);
  }
}

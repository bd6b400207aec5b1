package org.botarena.arena.platform;

import jakarta.persistence.Query;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.stream.Stream;

/**
 * Values and rows of native queries, whose Java types depend on the driver and Hibernate's mapping,
 * as the records' types.
 */
public final class SqlValues {

  private SqlValues() {}

  /** The rows of a native query with several columns. */
  @SuppressWarnings("unchecked")
  public static Stream<Object[]> table(Query query) {
    return ((List<Object[]>) query.getResultList()).stream();
  }

  public static Long id(Object o) {
    return o == null ? null : ((Number) o).longValue();
  }

  public static Double number(Object o) {
    return o == null ? null : ((Number) o).doubleValue();
  }

  public static int count(Object o) {
    return o == null ? 0 : ((Number) o).intValue();
  }

  /** A timestamptz column as an Instant (null stays null). */
  public static Instant instant(Object value) {
    if (value == null) {
      return null;
    }
    if (value instanceof Instant i) {
      return i;
    }
    if (value instanceof java.sql.Timestamp t) {
      return t.toInstant();
    }
    if (value instanceof OffsetDateTime o) {
      return o.toInstant();
    }
    throw new IllegalStateException("unexpected timestamp type " + value.getClass());
  }
}

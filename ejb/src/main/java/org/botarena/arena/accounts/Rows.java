package org.botarena.arena.accounts;

import java.time.Instant;
import org.botarena.arena.platform.SqlValues;

/** Converts native query values (the JDBC driver's types) to the records' types. */
public final class Rows {

  private Rows() {}

  /** The rows of a native query with several columns. */
  @SuppressWarnings("unchecked")
  public static java.util.stream.Stream<Object[]> table(jakarta.persistence.Query query) {
    return ((java.util.List<Object[]>) query.getResultList()).stream();
  }

  public static Instant instant(Object o) {
    return SqlValues.instant(o);
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
}
